import AxeBuilder from '@axe-core/playwright';
import { expect, test, watchPage } from './fixtures.ts';
import { open, seedStorage, url } from './homework-helpers.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const width of [390, 1280]) {
  test(`homework pages with answers filled in pass axe (WCAG 2.2 AA) at ${width} px`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, viewport: { width, height: 900 } });
    await seedStorage(context);
    const page = await context.newPage();
    const problems = watchPage(page, new URL(baseURL!).origin);
    for (const path of [url(), url('value-chains'), url('rank'), url('living'), url('notes')]) {
      await open(page, path);
      if (path === url('value-chains')) {
        // Open the less common controls too, so they are checked.
        await page.getByText('Merge or remove').first().click();
        await page.getByRole('button', { name: 'Rename Creativity' }).click();
      }
      if (path === url('rank')) await page.getByText('The order on each day').click();
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(results.violations.map((violation) => `${path}: ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    }
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await context.close();
  });
}

test('the storage banners pass axe too', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const page = await context.newPage();
  await open(page, url('notes'));
  await expect(page.getByText('Your answers are not being saved.')).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
  await context.close();
});
