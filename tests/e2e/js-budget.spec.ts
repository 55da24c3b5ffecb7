import { expect, sampleClient, test } from './fixtures.ts';
import { checkBudgets, measurePage } from '../../scripts/lib/page-js.ts';
import { join } from 'node:path';

const dist = process.env.DIST_DIR ?? 'dist';
const client = sampleClient();

test('homework pages stay within their JavaScript budgets (80 KB, ranking 100 KB, brotli)', () => {
  const results = checkBudgets(dist, 'brotli');
  const budgeted = results.filter((result) => result.budget);
  expect(budgeted.map((result) => result.page).sort()).toEqual(['living', 'notes', 'rank', 'value-chains'].map((page) => `/${client.slug}/${page}/`).sort());
  for (const result of budgeted) {
    expect(result.brotli, `${result.page}: ${result.files.join(', ')}`).toBeLessThanOrEqual(result.budget!.bytes);
    // The zod check of an import file is loaded only when a file is chosen.
    expect(result.lazy.some((file) => file.includes('import-file'))).toBe(true);
  }
});

test('the client home loads the answers store for its progress, and never zod on open', () => {
  const home = measurePage(dist, join(dist, client.slug, 'index.html'));
  expect(home.files.some((file) => /\/_astro\/answers\.[\w-]+\.js$/.test(file))).toBe(true);
  expect(home.files.some((file) => file.includes('import-file'))).toBe(false);
});
