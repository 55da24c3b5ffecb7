import type { Browser, Page } from '@playwright/test';
import { CLS_TARGET, openOnPhone, shiftsOn, total } from '../../scripts/bench/layout-shift.ts';
import { expect, sampleClient, test } from './fixtures.ts';

// A first visit from a slow phone: the page is drawn before its web fonts arrive, and scripts
// fill in what they know after that. Nothing the reader sees may move when either happens.
// Layout shift measures positions, not time, so this holds however busy the machine is: the
// font files are held back until the page has been painted, whatever that takes.

const client = sampleClient();

/** A first visit on the phone profile, with the web fonts held back until `release` is called. */
async function openOnSlowPhone(browser: Browser, path: string) {
  const { context, page } = await openOnPhone(browser);
  let release = () => {};
  const fontsMayCome = new Promise<void>((resolve) => (release = resolve));
  const heldBack: string[] = [];
  await page.route(/\.woff2?$/, async (route) => {
    heldBack.push(route.request().url());
    await fontsMayCome;
    await route.continue();
  });
  await page.goto(path, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => performance.getEntriesByType('paint').some((entry) => entry.name === 'first-contentful-paint'));
  return { context, page, heldBack, release };
}

/** Where a heading sits on the page, in CSS pixels from the top of the document. */
async function top(page: Page, name: string | RegExp): Promise<number> {
  const box = await page.getByRole('heading', { name }).first().boundingBox();
  if (!box) throw new Error(`heading ${String(name)} is not on the page`);
  return box.y + (await page.evaluate(() => window.scrollY));
}

for (const { path, heading, below } of [
  { path: `/${client.slug}/`, heading: /Your values workbook/, below: 'Your homework' },
  { path: `/${client.slug}/value-chains/`, heading: 'Value chains', below: undefined },
  { path: `/${client.slug}/print/`, heading: 'Print your worksheets', below: client.name },
]) {
  test(`${path.replace(client.slug, '<client>')} stays still on a slow phone while its fonts and scripts arrive`, async ({ browser, baseURL }) => {
    // A phone four times slower than this machine, on a slow network: a page takes a while.
    test.setTimeout(180_000);
    const { context, page, heldBack, release } = await openOnSlowPhone(browser, `${baseURL}${path}`);
    try {
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      const before = await Promise.all([heading, ...(below ? [below] : [])].map((name) => top(page, name)));
      expect(heldBack.length, 'the page asks for its web fonts').toBeGreaterThan(0);

      release();
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      // Scripts have run: every island has hydrated and filled in what this browser knows.
      await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
      await page.waitForTimeout(500);

      const after = await Promise.all([heading, ...(below ? [below] : [])].map((name) => top(page, name)));
      expect(after, 'headings stay where they were first drawn').toEqual(before);
      expect(total(await shiftsOn(page))).toBeLessThanOrEqual(CLS_TARGET);
    } finally {
      await context.close();
    }
  });
}
