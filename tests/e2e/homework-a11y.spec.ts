import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { open, url } from './homework-helpers.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// Homework pages empty and filled in, with their folded controls open, are checked in a11y.spec.ts, one axe pass per page,
// state and viewport. This file covers the state that one does not reach: storage the browser refuses.
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
