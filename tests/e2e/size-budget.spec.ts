import { expect, test } from '@playwright/test';
import { formatProblem } from '../../src/schemas/problems.ts';
import { initWeigher, type PageWeigher } from '../../scripts/lib/page-weight.ts';
import { builtPages, distDir } from '../../scripts/lib/pages.ts';
import { checkBudget, jsBudget } from '../../scripts/lib/size-budget.ts';

// The size budget over the whole build, one test per page. Each page's scripts are found
// from its HTML (script src, modulepreload, island component and renderer URLs) and
// their static imports, so the figure is what a browser runs when the page loads.
const dist = distDir();
const pages = builtPages(dist);
let weigher: PageWeigher | undefined;

test('the build has pages to weigh', () => {
  expect(pages.length, `HTML pages in ${dist}`).toBeGreaterThan(0);
});

for (const page of pages) {
  test(`${page.path} (${page.kind}) stays within its JavaScript budget`, async () => {
    weigher ??= await initWeigher({ dist, base: process.env.BASE_PATH });
    const weight = weigher.weigh(page);
    test.info().annotations.push({
      type: 'weight',
      description: `${weight.islands} islands, JS ${weight.js.gzip} B gzip (budget ${jsBudget(page.kind, weight.islands)} B)`,
    });
    expect(checkBudget(weight).map(formatProblem)).toEqual([]);
  });
}
