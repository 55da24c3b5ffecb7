import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import type { Download, Locator, Page, Worker } from '@playwright/test';
import { expect, fillStorage, sampleClient, test, watchPage } from './fixtures.ts';
import { nodeEngine, nodeFonts, renderOpenGraphPng } from '../../src/poster/node.ts';
import { posterLayout, type PosterValue } from '../../src/poster/layout.ts';
import { PosterFonts, renderSvg } from '../../src/poster/render.ts';

const client = sampleClient();
const posterPage = `/${client.slug}/poster/`;
/** The poster engine's files: satori/standalone, its layout.wasm and the worker they run in. */
const ENGINE = /\/(standalone|layout|draw-worker)\.[\w-]+\.(js|wasm)$/;

interface SeedValue {
  label: string;
  words?: string[];
  /** Index of the bold word in `words`. */
  bold?: number;
}

/** Stores answers the way the answers store keeps them, most important first. */
async function seedAnswers(page: Page, values: SeedValue[]): Promise<void> {
  const data = {
    values: values.map((value, index) => {
      const id = `v${index}`;
      const chain = (value.words ?? []).map((text, word) => ({ id: `${id}-w${word}`, text }));
      return {
        id,
        label: value.label,
        chain,
        boldId: value.bold === undefined ? null : `${id}-w${value.bold}`,
        rank: index + 1,
        rating: null,
        origin: 'client',
      };
    }),
    history: [],
    notes: '',
    updatedAt: 1,
  };
  // Stored in a shuffled array order: the poster must follow `rank`, not the array.
  data.values.reverse();
  // Seeded on the first load only, so a reload shows what the page saved since.
  await page.addInitScript(
    ([key, text]) => {
      if (window.sessionStorage.getItem('seeded') === key) return;
      window.localStorage.setItem(key!, text!);
      window.sessionStorage.setItem('seeded', key!);
    },
    [`workbook:${client.slug}:answers`, JSON.stringify({ version: 1, data })],
  );
}

async function readyPreview(page: Page) {
  const preview = page.getByRole('img', { name: /Preview of your poster/ });
  await expect(preview).toBeVisible({ timeout: 30_000 });
  return preview;
}

/** Where an element sits on the page (not in the window, which scrolls). */
async function placeOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { x: box.x + window.scrollX, y: box.y + window.scrollY, width: box.width, height: box.height };
  });
}

async function download(page: Page, name: string): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { file, bytes: await readFile((await file.path())!) };
}

const ranked: SeedValue[] = [
  { label: 'Friendship', words: ['old friends', 'long dinners'], bold: 1 },
  { label: 'Honesty', words: ['saying it kindly'], bold: 0 },
  { label: 'Adventure' },
  { label: 'Creativity', words: ['sketching'], bold: 0 },
  { label: 'Family' },
  { label: 'Health' },
];

test("the preview shows the client's own ranking and bold words, and follows the controls", async ({ page }) => {
  await seedAnswers(page, ranked);
  await page.goto(posterPage);
  const preview = await readyPreview(page);
  const shown = page.getByRole('list', { name: 'On your poster' });
  await expect(shown.getByRole('listitem')).toHaveText([
    'Friendship (long dinners)',
    'Honesty (saying it kindly)',
    'Adventure',
    'Creativity (sketching)',
    'Family',
  ]);

  const first = await preview.getAttribute('src');
  await page.getByLabel('Values to show').selectOption({ label: 'All 6' });
  await expect(shown.getByRole('listitem')).toHaveCount(6);
  await expect(preview).not.toHaveAttribute('src', first!);

  const before = await preview.getAttribute('src');
  await page.getByRole('radio', { name: /Compass/ }).check();
  await expect(preview).toHaveAccessibleName(/Compass style/);
  await expect(preview).not.toHaveAttribute('src', before!);

  await page.getByLabel('Title').fill('What matters to me');
  await page.getByRole('checkbox', { name: 'Put a name on the poster' }).check();
  await expect(page.getByLabel('Name', { exact: true })).toBeEnabled();
  const { bytes } = await download(page, 'Download SVG');
  const expected = await renderSvg(
    (scale) =>
      posterLayout({
        values: ranked.map((value) => ({ label: value.label, bold: value.bold === undefined ? null : value.words![value.bold] })),
        topN: 6,
        style: 'compass',
        size: 'pinterest',
        title: 'What matters to me',
        name: client.name,
        scale,
      }),
    nodeFonts(),
  );
  expect(bytes.toString('utf8')).toBe(expected.svg);
});

test("while the engine loads, a sketch of the client's own poster holds the preview's place, then gives way to the engine's drawing", async ({ page }) => {
  await seedAnswers(page, ranked);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  // The engine's layout.wasm arrives only when the test says so: a slow phone, made certain.
  await page.route(/layout\.[\w-]+\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(posterPage);
  await page.getByRole('heading', { name: 'Make your poster' }).scrollIntoViewIfNeeded();
  const sketch = page.getByRole('img', {
    name: 'Sketch of your poster, Paper style, shown while the full preview is drawn: Friendship, Honesty, Adventure, Creativity, Family',
  });
  await expect(sketch).toBeVisible({ timeout: 30_000 });
  await expect(sketch).toContainText('long dinners');
  await expect(page.getByRole('img', { name: /Preview of your poster/ })).toHaveCount(0);
  const sketched = await placeOf(sketch);
  const listed = await placeOf(page.getByRole('list', { name: 'On your poster' }));

  // A style chosen while the engine loads is sketched at once.
  await page.getByRole('radio', { name: /Compass/ }).check();
  await expect(page.getByRole('img', { name: /^Sketch of your poster, Compass style/ })).toBeVisible();

  release();
  const preview = page.getByRole('img', { name: /Preview of your poster, Compass style/ });
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('img', { name: /^Sketch of your poster/ })).toHaveCount(0);
  // The drawing takes the sketch's place exactly: nothing on the page moves.
  // Within a pixel: layout rounds to fractions of one.
  const drawn = await placeOf(preview);
  const listedNow = await placeOf(page.getByRole('list', { name: 'On your poster' }));
  for (const side of ['x', 'y', 'width', 'height'] as const) {
    expect(Math.abs(drawn[side] - sketched[side])).toBeLessThanOrEqual(1);
    expect(Math.abs(listedNow[side] - listed[side])).toBeLessThanOrEqual(1);
  }
});

test('ranking the values on HW2 reorders the poster on HW4', async ({ page }) => {
  await page.goto(`/${client.slug}/rank/`);
  // Buttons clicked before the island hydrates do nothing, so wait for the page to settle first.
  await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
  for (let position = 8; position >= 1; position -= 1) {
    await page.getByRole('button', { name: 'Move Friendship up' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Friendship moved to position ${position} of 9.` })).toHaveCount(1);
  }
  await page.getByRole('button', { name: 'Move Creativity down' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Creativity moved to position 3 of 9.' })).toHaveCount(1);

  await page.goto(posterPage);
  await readyPreview(page);
  await expect(page.getByRole('list', { name: 'On your poster' }).getByRole('listitem')).toHaveText([
    'Friendship',
    'Family',
    'Creativity',
    'Personal growth',
    'Autonomy',
  ]);
});

test('Download PNG saves a PNG of the chosen size, named after the client and the size', async ({ page }) => {
  // Counts the PNGs each worker encodes, to show the page's thread was left free.
  const workers: Worker[] = [];
  page.on('worker', (worker) => {
    workers.push(worker);
    void worker
      .evaluate(() => {
        const scope = globalThis as unknown as { encodedPngs?: number };
        scope.encodedPngs = 0;
        const encode = OffscreenCanvas.prototype.convertToBlob;
        OffscreenCanvas.prototype.convertToBlob = function (this: OffscreenCanvas, ...options) {
          scope.encodedPngs = (scope.encodedPngs ?? 0) + 1;
          return encode.apply(this, options);
        };
      })
      .catch(() => undefined);
  });
  await page.goto(posterPage);
  await readyPreview(page);

  const pin = await download(page, 'Download PNG');
  expect(pin.file.suggestedFilename()).toBe('maya-okafor-values-pinterest-1000x1500.png');
  const pinImage = PNG.sync.read(pin.bytes);
  expect([pinImage.width, pinImage.height]).toEqual([1000, 1500]);

  await page.getByLabel('Size').selectOption({ label: 'Phone wallpaper, 1179 × 2556' });
  await expect(page.getByRole('img', { name: /Preview of your poster/ })).toHaveAttribute('width', '1179');
  const phone = await download(page, 'Download PNG');
  expect(phone.file.suggestedFilename()).toBe('maya-okafor-values-phone-1179x2556.png');
  const phoneImage = PNG.sync.read(phone.bytes);
  expect([phoneImage.width, phoneImage.height]).toEqual([1179, 2556]);
  const colours = new Set<number>();
  for (let i = 0; i < phoneImage.data.length; i += 4 * 97) colours.add(phoneImage.data.readUInt32BE(i));
  expect(colours.size).toBeGreaterThan(20);

  // Both were encoded in the poster's one worker, not on the page.
  expect(workers).toHaveLength(1);
  expect(await workers[0]!.evaluate(() => (globalThis as unknown as { encodedPngs?: number }).encodedPngs)).toBeGreaterThanOrEqual(2);
});

test('Download SVG saves the poster as SVG', async ({ page }) => {
  await page.goto(posterPage);
  await readyPreview(page);
  const { file, bytes } = await download(page, 'Download SVG');
  expect(file.suggestedFilename()).toBe('maya-okafor-values-pinterest-1000x1500.svg');
  const svg = bytes.toString('utf8');
  expect(svg).toMatch(/^<svg width="1000" height="1500" viewBox="0 0 1000 1500"/);
  expect(svg).toContain('<path');
});

test('values in other scripts and emoji are drawn with real glyphs, never missing-glyph boxes', async ({ page }) => {
  const values: SeedValue[] = [
    { label: '家族 🌱', words: ['家'], bold: 0 },
    { label: 'Семья', words: ['дом'], bold: 0 },
    { label: 'عائلة', words: ['بيت'], bold: 0 },
    { label: 'משפחה' },
    { label: 'Ωμέγα' },
    { label: 'Élan' },
  ];
  await seedAnswers(page, values);
  const fonts: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.woff2')) fonts.push(request.url());
  });
  await page.goto(posterPage);
  await readyPreview(page);
  await expect(page.getByRole('list', { name: 'On your poster' }).getByRole('listitem').first()).toHaveText('家族 🌱 (家)');
  const { bytes } = await download(page, 'Download SVG');
  const drawn = bytes.toString('utf8');

  const poster: PosterValue[] = values.slice(0, 5).map((value) => ({ label: value.label, bold: value.bold === undefined ? null : value.words![value.bold] }));
  const build = (scale: number) => posterLayout({ values: poster, topN: 5, style: 'paper', size: 'pinterest', scale });
  const withFallback = await renderSvg(build, nodeFonts());
  // What the poster looks like when the fallback fonts and emoji are missing: Satori's missing-glyph boxes.
  const tofu = await renderSvg(
    build,
    new PosterFonts({
      ...nodeEngine,
      ranges: (family) => (family === 'source-serif-4' ? nodeEngine.ranges(family) : Promise.resolve({})),
      emojiSvg: async () => undefined,
    }),
  );
  expect(drawn).toBe(withFallback.svg);
  expect(drawn).not.toBe(tofu.svg);
  expect(drawn).toMatch(/<image[^>]+href="data:image\/svg\+xml;base64,/);

  // Only the scripts on the poster were fetched: no Korean, Thai or Devanagari.
  expect(fonts.some((url) => /noto-sans-(sc|jp)-\d+-400/.test(url))).toBe(true);
  expect(fonts.some((url) => /noto-sans-arabic-arabic/.test(url))).toBe(true);
  expect(fonts.some((url) => /noto-sans-(kr|thai|devanagari)/.test(url))).toBe(false);
});

test('a Latin-only poster loads no fallback fonts', async ({ page }) => {
  const fonts: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.woff2')) fonts.push(new URL(request.url()).pathname);
  });
  await page.goto(posterPage);
  await readyPreview(page);
  await page.getByRole('radio', { name: /Colour field/ }).check();
  await expect(page.getByRole('img', { name: /Colour field style/ })).toBeVisible();
  expect(fonts.filter((path) => /noto/.test(path))).toEqual([]);
  expect(fonts.filter((path) => /-(greek|cyrillic|vietnamese|latin-ext)-/.test(path))).toEqual([]);
});

test('the poster engine is downloaded on the poster page only', async ({ page }) => {
  const engine: string[] = [];
  page.on('request', (request) => {
    if (ENGINE.test(new URL(request.url()).pathname)) engine.push(`${page.url()} -> ${request.url()}`);
  });
  const others = [
    `/${client.slug}/`,
    `/${client.slug}/value-chains/`,
    `/${client.slug}/rank/`,
    `/${client.slug}/living/`,
    `/${client.slug}/notes/`,
    `/${client.slug}/print/`,
    '/coach/',
    `/coach/${client.slug}/guide/`,
  ];
  for (const path of others) {
    await page.goto(path);
    await page.mouse.wheel(0, 4000);
    await page.waitForLoadState('networkidle');
  }
  expect(engine).toEqual([]);

  await page.goto(posterPage);
  await readyPreview(page);
  expect(engine.some((entry) => /standalone\.[\w-]+\.js$/.test(entry))).toBe(true);
  expect(engine.some((entry) => /layout\.[\w-]+\.wasm$/.test(entry))).toBe(true);
});

test('when the engine cannot load, the page says so and offers the session poster', async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchPage(page, new URL(baseURL!).origin);
  await page.route(/layout\.[\w-]+\.wasm$/, (route) => route.fulfill({ status: 404, body: 'missing' }));
  await page.goto(posterPage);
  const alert = page.getByRole('alert');
  // The engine fails only once its worker has tried to load it, which takes a while on a busy machine.
  await expect(alert).toContainText('The poster maker could not start in this browser', { timeout: 30_000 });
  const link = alert.getByRole('link', { name: 'Download the session poster (PNG)' });
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const image = PNG.sync.read(await readFile((await file.path())!));
  expect([image.width, image.height]).toEqual([1000, 1500]);
  await expect(page.getByRole('button', { name: 'Download PNG' })).toBeDisabled();
  expect(problems.pageErrors).toEqual([]);
  expect(problems.foreignRequests).toEqual([]);
  await context.close();
});

test('the poster page has no axe violations and fits a 320 px phone', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 720 } });
  const page = await context.newPage();
  const problems = watchPage(page, new URL(baseURL!).origin);
  await page.goto(posterPage);
  await page.getByRole('heading', { name: 'Make your poster' }).scrollIntoViewIfNeeded();
  await readyPreview(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test('client pages carry a link preview with no client data', async ({ page, request }) => {
  await page.goto(`/${client.slug}/`);
  const image = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(image).toMatch(new RegExp(`^https?://.+/${client.slug}/og\\.png$`));
  const title = await page.locator('meta[property="og:title"]').getAttribute('content');
  expect(title).toBe('Your values workbook, with Jordan Ellis');
  expect(title).not.toContain(client.name.split(' ')[0]!);
  // The image's public address is under the coach's base URL; here the site is served from the root.
  const served = await request.get(`/${client.slug}/og.png`);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('image/png');
  const drawn = PNG.sync.read(await served.body());
  expect([drawn.width, drawn.height]).toEqual([1200, 630]);
  const reference = await renderOpenGraphPng({ title: 'Your values workbook', coach: 'Jordan Ellis' });
  expect(Buffer.compare(await served.body(), reference.png)).toBe(0);
});

test('the poster keeps its style, size and title after a reload, like every answer', async ({ page }) => {
  await seedAnswers(page, [{ label: 'Family' }, { label: 'Health' }, { label: 'Craft' }, { label: 'Play' }]);
  await page.goto(posterPage);
  await readyPreview(page);
  await page.getByRole('radio', { name: /Compass/ }).check();
  const size = page.getByLabel('Size');
  const otherSize = (await size.locator('option').allTextContents()).at(-1)!;
  await size.selectOption({ label: otherSize });
  await page.getByLabel('Title').fill('What I stand for');
  await expect(page.getByText(/^Saved · /)).toBeVisible();

  await page.reload();
  await readyPreview(page);
  await expect(page.getByRole('radio', { name: /Compass/ })).toBeChecked();
  await expect(size.locator('option:checked')).toHaveText(otherSize);
  await expect(page.getByLabel('Title')).toHaveValue('What I stand for');
});

test('with storage full, a poster choice stays on screen and the page says it is not saved', async ({ page }) => {
  await fillStorage(page);
  await page.goto(posterPage);
  await readyPreview(page);
  await page.getByLabel('Title').fill('Not lost');
  await expect(page.getByText('Your last change is not saved.')).toBeVisible();
  await expect(page.getByText(/storage for the workbook is full/)).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('Not lost');
});
