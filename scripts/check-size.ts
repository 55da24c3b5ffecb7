// Size budget over a built site: `npm run check:size` (after `npm run build`).
// Prints each page's weight, then one line per broken budget; exits 1 if any.
import { existsSync } from 'node:fs';
import { formatBytes, initWeigher } from './lib/page-weight.ts';
import { builtPages, distDir } from './lib/pages.ts';
import { checkBudgets, jsBudget } from './lib/size-budget.ts';

const dist = distDir();
if (!existsSync(dist)) {
  console.error(`error: ${dist}: (folder): expected a built site (run npm run build first), found nothing`);
  process.exit(1);
}
const pages = builtPages(dist);
if (pages.length === 0) {
  console.error(`error: ${dist}: (folder): expected HTML pages, found none`);
  process.exit(1);
}
const weigher = await initWeigher({ dist, base: process.env.BASE_PATH });
const weights = pages.map((page) => weigher.weigh(page));

const rows = weights.map((weight) => [
  weight.page.path,
  weight.page.kind,
  String(weight.islands),
  formatBytes(weight.js.gzip),
  formatBytes(jsBudget(weight.page.kind, weight.islands)),
  formatBytes(weight.lazy.reduce((sum, asset) => sum + asset.sizes.gzip, 0)),
  formatBytes(weight.css.gzip),
  formatBytes(weight.html.gzip),
]);
const header = ['page', 'kind', 'islands', 'JS gzip', 'budget', 'lazy gzip', 'CSS gzip', 'HTML gzip'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));

const problems = checkBudgets(weights);
if (problems.length > 0) {
  console.error('');
  for (const line of problems) console.error(line);
  process.exit(1);
}
console.log(`\nsize budget: ${pages.length} pages within budget`);
