import { chromium } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/lib/chromium.ts';
import { BuiltSite } from '../../src/offline/built-site.ts';
import { pageScripts } from '../../scripts/lib/page-weight.ts';
import { serveStatic } from '../../scripts/lib/serve.ts';
import { expect, sampleClient, test, watchPage } from './fixtures.ts';
import { open, reopen } from './homework-helpers.ts';
import { pngSize, precacheUrls, waitForServiceWorker } from './offline-helpers.ts';

const client = sampleClient();
const home = `/${client.slug}/`;
const dist = process.env.DIST_DIR ?? 'dist';

test('after one visit, every client page opens without a network and answers keep saving', async ({ browser }) => {
  test.setTimeout(120_000);
  // A server of our own, so "offline" can mean the server is gone, not just an emulated flag.
  const served = await serveStatic(dist);
  const origin = new URL(served.url).origin;
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchPage(page, origin);
  try {
    await page.goto(`${origin}${home}`);
    expect(await waitForServiceWorker(page)).toBe(`${origin}${home}`);
    const nav = page.getByRole('navigation', { name: 'Workbook' });
    const links = await nav
      .getByRole('link')
      .evaluateAll((anchors) => anchors.map((anchor) => ({ href: anchor.getAttribute('href') ?? '', name: anchor.textContent?.trim() ?? '' })));
    expect(links.length).toBeGreaterThanOrEqual(6);

    // A build file that is not precached (the poster engine is one) is kept after its first use.
    const precached = precacheUrls(readFileSync(join(dist, client.slug, 'sw.js'), 'utf8'));
    const onDemand = readdirSync(join(dist, '_astro'))
      .map((file) => `/_astro/${file}`)
      .find((url) => url.endsWith('.woff') && !precached.includes(url));
    expect(onDemand).toBeDefined();
    const fetchStatus = (url: string) => page.evaluate(async (path) => (await fetch(path)).status, url);
    expect(await fetchStatus(onDemand!)).toBe(200);
    const inRuntimeCache = (url: string) =>
      page.evaluate(async (path) => {
        for (const name of await caches.keys()) {
          if (name.startsWith('workbook-assets-') && (await (await caches.open(name)).match(path))) return true;
        }
        return false;
      }, url);
    await expect.poll(() => inRuntimeCache(onDemand!)).toBe(true);

    // The one online visit includes the poster page, so the poster engine is in the cache too.
    await page.goto(`${origin}${home}poster/`);
    await expect(page.getByRole('button', { name: /Download PNG/ })).toBeEnabled({ timeout: 30_000 });
    await page.goto(`${origin}${home}`);

    await served.close();
    await context.setOffline(true);

    for (const link of links) {
      const response = await page.goto(`${origin}${link.href}`);
      expect(response?.status(), link.href).toBe(200);
      expect(response?.fromServiceWorker(), link.href).toBe(true);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('link', { name: link.name, exact: true }).first()).toHaveAttribute('aria-current', 'page');
    }

    expect(await fetchStatus(onDemand!)).toBe(200);

    // The workbook's fonts come from the precache too, not from fallbacks.
    await page.goto(`${origin}${home}`);
    expect(await page.evaluate(async () => (await document.fonts.ready, document.fonts.check('1em Inter')))).toBe(true);

    // Answers are kept in the browser, which works the same with or without a network.
    await open(page, `${origin}${home}notes/`);
    await page.getByLabel('Your notes').fill('Written on the train, 電車で.');
    await reopen(page);
    await expect(page.getByLabel('Your notes')).toHaveValue('Written on the train, 電車で.');
  } finally {
    await context.close();
    await served.close().catch(() => undefined);
  }
  expect(problems.pageErrors, 'uncaught page errors').toEqual([]);
  expect(problems.consoleErrors, 'console errors').toEqual([]);
  expect(problems.foreignRequests, 'requests to other origins').toEqual([]);
});

test('the first visit of a Latin-script workbook precaches 1.5 MB or less', () => {
  const urls = precacheUrls(readFileSync(join(dist, client.slug, 'sw.js'), 'utf8'));
  const bytes = urls.reduce((sum, url) => sum + statSync(join(dist, url)).size, 0);
  console.log(`precache of ${client.slug}: ${urls.length} files, ${bytes} bytes`);
  expect(bytes).toBeLessThanOrEqual(1_500_000);
  // The fonts of other scripts and the poster's font slices are cached when first used, not on the first visit.
  expect(urls.filter((url) => /(cyrillic|greek|vietnamese)/.test(url) || url.includes('/poster-fonts/'))).toEqual([]);
  expect(urls).toEqual(expect.arrayContaining([expect.stringMatching(/^\/_astro\/inter-latin-400-normal\.[\w-]+\.woff2$/)]));
});

test('a poster with a value in Japanese, made once online, draws the same offline', async ({ browser }) => {
  test.setTimeout(180_000);
  const served = await serveStatic(dist);
  const origin = new URL(served.url).origin;
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchPage(page, origin);
  const fontRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/poster-fonts/')) fontRequests.push(new URL(request.url()).pathname);
  });
  const [first] = client.themes;
  const drawn = async () => {
    const preview = page.getByRole('img', { name: /Preview of your poster/ });
    await expect(preview).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('list', { name: 'On your poster' })).toContainText('家族の時間');
    // The preview is the engine's SVG: the same text drawn with the same fonts gives the same file.
    return preview.evaluate(async (image: HTMLImageElement) => (await fetch(image.src)).text());
  };
  try {
    await page.goto(`${origin}${home}`);
    await waitForServiceWorker(page);
    await open(page, `${origin}${home}value-chains/`);
    await page.getByRole('button', { name: `Rename ${first!.name}` }).click();
    await page.getByLabel(`New name for ${first!.name}`).fill('家族の時間');
    await page.getByLabel(`New name for ${first!.name}`).press('Enter');
    await expect(page.getByRole('heading', { name: '家族の時間' })).toBeVisible();

    await page.goto(`${origin}${home}poster/`);
    const online = await drawn();
    expect(
      fontRequests.some((path) => path.includes('/noto-sans-jp-')),
      fontRequests.join(', '),
    ).toBe(true);

    await served.close();
    await context.setOffline(true);
    await page.reload();
    expect(await drawn()).toBe(online);
  } finally {
    await context.close();
    await served.close().catch(() => undefined);
  }
  expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
});

test('the manifest has the required fields and its icons resolve', async ({ page }) => {
  await page.goto(home);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe(`${home}manifest.webmanifest`);
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  const manifest = (await response.json()) as Record<string, unknown> & { icons: Array<{ src: string; sizes: string; type: string; purpose: string }> };

  expect(manifest).toMatchObject({
    id: home,
    name: `${client.preferredName ?? client.name}'s values workbook`,
    start_url: home,
    scope: home,
    display: 'standalone',
  });
  expect(String(manifest.short_name).length).toBeGreaterThan(0);
  expect(String(manifest.short_name).length).toBeLessThanOrEqual(12);
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);

  const sizes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  for (const icon of manifest.icons) {
    // One set of icons for every client, at the top of the site like the favicon.
    expect(icon.src, icon.src).toMatch(/^\/[a-z0-9-]+\.png$/);
    const png = await page.request.get(icon.src);
    expect(png.status(), icon.src).toBe(200);
    expect(png.headers()['content-type']).toBe('image/png');
    const [width, height] = icon.sizes.split('x').map(Number);
    expect(pngSize(await png.body())).toEqual({ width, height });
  }
  const touchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  expect(pngSize(await (await page.request.get(touchIcon!)).body())).toEqual({ width: 180, height: 180 });
});

test('Chromium finds the workbook installable, with no manifest errors', async ({ baseURL }) => {
  // Installation is never offered in an incognito profile, so this needs a real one.
  const profile = await mkdtemp(join(tmpdir(), 'workbook-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: await findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const problems = watchPage(page, new URL(baseURL!).origin);
    await page.goto(`${baseURL}${home}`);
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const parsed = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
    expect(parsed.url).toContain(`${home}manifest.webmanifest`);
    expect(parsed.errors).toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('coach pages have no manifest, no service worker and are never in the precache', async ({ page }) => {
  await page.goto(home);
  await waitForServiceWorker(page);
  for (const path of ['/coach/', `/coach/${client.slug}/guide/`, `/coach/${client.slug}/letter/`, '/']) {
    await page.goto(path);
    await expect(page.locator('link[rel="manifest"]')).toHaveCount(0);
    expect(await page.evaluate(() => navigator.serviceWorker.controller), path).toBeNull();
  }
  const urls = precacheUrls(readFileSync(join(dist, client.slug, 'sw.js'), 'utf8'));
  expect(urls.length).toBeGreaterThan(10);
  expect(urls.filter((url) => url.startsWith('/coach/') || url === '/index.html')).toEqual([]);
  for (const url of urls) expect(url.startsWith(home) || url.startsWith('/_astro/') || !url.slice(1).includes('/'), url).toBe(true);
  expect(urls).toEqual(expect.arrayContaining([`${home}index.html`, `${home}notes/index.html`, `${home}print/index.html`, `${home}manifest.webmanifest`]));
});

test('offline support adds at most 3 KB gzip of script to a client page, and none to the print page', async () => {
  const site = await BuiltSite.open(dist);
  for (const page of ['index.html', 'notes/index.html', 'rank/index.html'].map((file) => `${client.slug}/${file}`)) {
    const scripts = pageScripts(site, page);
    const registration = scripts.filter((script) => script.text.includes('[data-app-update]'));
    expect(registration, page).toHaveLength(1);
    const hint = scripts.filter((script) => script.text.includes('[data-install-hint]'));
    expect(hint, page).toHaveLength(page.endsWith(`${client.slug}/index.html`) ? 1 : 0);
    const added = [...registration, ...hint].reduce((sum, script) => sum + script.gzip, 0);
    console.log(`${page}: service worker registration ${registration[0]!.gzip} B gzip, install hint ${hint[0]?.gzip ?? 0} B gzip`);
    expect(added, page).toBeLessThanOrEqual(3 * 1024);
  }
  // The print page ships no script of its own; the worker registered by the other pages serves it.
  for (const page of [`${client.slug}/print/index.html`, 'coach/index.html']) {
    expect(
      pageScripts(site, page).filter((script) => script.text.includes('serviceWorker')),
      page,
    ).toEqual([]);
  }
});
