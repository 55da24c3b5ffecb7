import { expect, test } from '@playwright/test';
import { initWeigher } from '../../scripts/lib/page-weight.ts';
import { builtPages, distDir } from '../../scripts/lib/pages.ts';
import { client } from './homework-helpers.ts';

// What the homework pages load on open, weighed by the size-budget gate's own weigher.
// zod is larger than a whole homework page may ship, so the import check must stay on demand.
const dist = distDir();
const pages = builtPages(dist).filter((page) => page.path.startsWith(`/${client.slug}/`));

test('homework pages load the import check (and zod) only when a file is chosen', async () => {
  const weigher = await initWeigher({ dist, base: process.env.BASE_PATH });
  const homework = pages.filter((page) => ['value-chains', 'rank', 'living', 'notes'].some((name) => page.path.endsWith(`/${name}/`)));
  expect(homework).toHaveLength(4);
  for (const page of homework) {
    const weight = weigher.weigh(page);
    // The notes page also carries the card that shares the notes with the coach.
    expect(weight.islands, page.path).toBe(page.path.endsWith('/notes/') ? 2 : 1);
    expect(
      weight.jsAssets.some((asset) => asset.url.includes('import-file')),
      `${page.path} loads the import check on open`,
    ).toBe(false);
    expect(
      weight.lazy.some((asset) => asset.url.includes('import-file')),
      `${page.path} can load the import check`,
    ).toBe(true);
  }
  const home = pages.find((page) => page.path === `/${client.slug}/`);
  expect(home).toBeDefined();
  expect(weigher.weigh(home!).jsAssets.some((asset) => asset.url.includes('import-file'))).toBe(false);
});
