/**
 * Fails when a built page loads more JavaScript on open than its budget.
 *
 *   node scripts/js-budget.ts [dist]
 *
 * Budgets (scripts/lib/page-js.ts): 80 KB for a homework page, 100 KB for the
 * ranking page, React included. They are measured brotli-compressed (quality 11),
 * the compression static hosts serve and size-limit measures by default, and the
 * one under which React's client is the 57 KB the budgets were planned with; gzip
 * (level 9) is printed beside it for comparison.
 */
import { existsSync } from 'node:fs';
import { checkBudgets } from './lib/page-js.ts';

const dist = process.argv[2] ?? process.env.DIST_DIR ?? 'dist';
if (!existsSync(dist)) {
  console.error(`error: ${dist}: (folder): expected a built site (run npm run build first), found nothing`);
  process.exit(1);
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const results = checkBudgets(dist, 'brotli').filter((result) => result.files.length > 0 || result.budget);
for (const result of results) {
  const budget = result.budget ? `budget ${kb(result.budget.bytes)}` : 'no budget';
  console.log(`${result.over ? 'OVER' : 'ok  '}  ${result.page}  brotli ${kb(result.brotli)}  gzip ${kb(result.gzip)}  (${budget})`);
}
const over = results.filter((result) => result.over);
for (const result of over) {
  console.error(`error: ${result.page}: JavaScript: expected at most ${kb(result.budget!.bytes)} brotli for a ${result.budget!.name}, found ${kb(result.brotli)}`);
}
process.exit(over.length > 0 ? 1 : 0);
