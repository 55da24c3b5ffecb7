import type { Browser, Page } from '@playwright/test';
import { PHONE } from '../../scripts/bench/layout-shift.ts';
import { expect, sampleClient, test } from './fixtures.ts';

// A first visit from a slow phone: the page is drawn before its web fonts arrive, and scripts
// fill in what they know after that. Nothing the reader sees may move when either happens.
// Layout shift measures positions, not time, so this holds however busy the machine is: the
// font files are held back until the page has been painted, whatever that takes.

const client = sampleClient();

interface LayoutShiftEntry extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}

declare global {
  interface Window {
    __shift?: number;
  }
}

async function openOnSlowPhone(browser: Browser, path: string) {
  const context = await browser.newContext({
    viewport: PHONE.viewport,
    deviceScaleFactor: PHONE.deviceScaleFactor,
    isMobile: true,
    hasTouch: true,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', PHONE.network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
  let release = () => {};
  const fontsMayCome = new Promise<void>((resolve) => (release = resolve));
  const heldBack: string[] = [];
  await page.route(/\.woff2?$/, async (route) => {
    heldBack.push(route.request().url());
    await fontsMayCome;
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as LayoutShiftEntry[]) if (!entry.hadRecentInput) window.__shift = (window.__shift ?? 0) + entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
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
      const shift = await page.evaluate(() => window.__shift);
      expect(shift).toBeDefined();
      expect(shift).toBeLessThanOrEqual(0.02);
    } finally {
      await context.close();
    }
  });
}
