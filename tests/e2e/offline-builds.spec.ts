import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { astroBuild } from '../../scripts/lib/build.ts';
import { BUILD_TIMEOUT, expect, sampleClient, test, watchPage } from './fixtures.ts';
import {
  answersSummary,
  precacheUrls,
  storedAnswers,
  tempFolder,
  visitServed,
  waitForServiceWorker,
  writeProject,
  type TestClient,
} from './offline-helpers.ts';

// These tests build sites of their own, one at a time to spare the machine.
test.describe.configure({ mode: 'serial' });

const clients: TestClient[] = [
  { slug: 'ana-k3m9x2p7q4w8z1r5t6y0', name: 'Ana Lima', themes: ['Curiosity', 'Family', 'Craft'] },
  { slug: 'boris-v8n2b5c7x1z3l9k4j6h0', name: 'Борис Петров', themes: ['Family', 'Свобода', 'Courage'] },
  { slug: 'chen-q1w2e3r4t5y6u7i8o9p0', name: '陈静', themes: ['Family', 'Harmony', 'Learning'] },
];
const base = '/workbooks/';

test('each client’s service worker precaches only that client’s pages, under a sub-path too', async ({ browser }) => {
  test.setTimeout(BUILD_TIMEOUT);
  const root = tempFolder('offline-isolation');
  const out = join(root, 'dist');
  await astroBuild({ root: writeProject(join(root, 'project'), clients).root, outDir: out, base });

  for (const client of clients) {
    const others = clients.filter((other) => other !== client);
    const sw = readFileSync(join(out, client.slug, 'sw.js'), 'utf8');
    const urls = precacheUrls(sw);
    expect(urls).toContain(`${base}${client.slug}/index.html`);
    expect(urls).toContain(`${base}${client.slug}/notes/index.html`);
    for (const url of urls) {
      const path = url.slice(base.length);
      expect(path.startsWith(`${client.slug}/`) || path.startsWith('_astro/') || !path.includes('/'), url).toBe(true);
      expect(path.startsWith('coach/'), url).toBe(false);
      // Every precached file, shared scripts and styles included, is free of every other client.
      const text = readFileSync(join(out, path)).toString('utf8');
      for (const other of others) {
        expect(text.includes(other.slug), `${url} mentions ${other.slug}`).toBe(false);
        expect(text.includes(other.name), `${url} mentions ${other.name}`).toBe(false);
      }
    }
    for (const other of others) expect(sw.includes(other.slug), `sw.js of ${client.slug} mentions ${other.slug}`).toBe(false);

    const manifest = readFileSync(join(out, client.slug, 'manifest.webmanifest'), 'utf8');
    expect(JSON.parse(manifest)).toMatchObject({ start_url: `${base}${client.slug}/`, scope: `${base}${client.slug}/` });
    for (const other of others) {
      expect(manifest.includes(other.slug)).toBe(false);
      expect(manifest.includes(other.name.split(' ')[0]!)).toBe(false);
    }
  }
  expect(existsSync(join(out, 'coach', 'sw.js'))).toBe(false);

  // In the browser: the caches hold exactly that list, and nothing else works offline.
  const [client, other] = clients as [TestClient, TestClient];
  const problems = await visitServed(browser, out, { base }, async ({ served, origin, context, page }) => {
    await page.goto(`${origin}${base}${client.slug}/`);
    expect(await waitForServiceWorker(page)).toBe(`${origin}${base}${client.slug}/`);
    const cached = await page.evaluate(async () => {
      const found: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) found.push(new URL(request.url).pathname);
      }
      return found.sort();
    });
    expect(cached).toEqual(precacheUrls(readFileSync(join(out, client.slug, 'sw.js'), 'utf8')).sort());

    await served.close();
    await context.setOffline(true);
    const response = await page.goto(`${origin}${base}${client.slug}/rank/`);
    expect(response?.fromServiceWorker()).toBe(true);
    await expect(page.getByRole('heading', { level: 1, name: 'Stack rank' })).toBeVisible();
    await expect(page.goto(`${origin}${base}${other.slug}/`)).rejects.toThrow();
  });
  expect(problems.pageErrors).toEqual([]);
  expect(problems.foreignRequests).toEqual([]);
});

test('after the coach rebuilds with new wording, the client is offered a reload and keeps their answers', async ({ browser }, testInfo) => {
  test.setTimeout(BUILD_TIMEOUT);
  const client = sampleClient();
  const root = tempFolder('offline-update');
  const { root: project, content } = writeProject(join(root, 'project'));
  const out = join(project, 'dist');
  await astroBuild({ root: project });

  const key = `workbook:${client.slug}:answers`;
  const answers = storedAnswers('Sunday: family first, then the run.');
  const problems = await visitServed(browser, out, { context: { viewport: { width: 390, height: 844 } } }, async ({ origin, context, page }) => {
    await page.goto(`${origin}/${client.slug}/`);
    await waitForServiceWorker(page);
    await page.evaluate(([storageKey, value]) => localStorage.setItem(storageKey!, value!), [key, answers]);
    // A second tab on another page of the same workbook.
    const other = await context.newPage();
    const otherProblems = watchPage(other, origin);
    await other.goto(`${origin}/${client.slug}/notes/`);
    await other.evaluate(() => Object.assign(window, { openedBeforeUpdate: true }));
    await expect(page.getByText('There is no right answer')).toBeVisible();
    await expect(page.getByText('A new version of your workbook is ready')).toBeHidden();

    const welcome = join(content, 'workbooks', 'values', 'index.mdx');
    writeFileSync(welcome, readFileSync(welcome, 'utf8').replace('There is no right answer', 'There is no wrong answer'));
    await astroBuild({ root: project });

    // Coming back to the workbook is what makes the browser look for a new version.
    await page.reload();
    await expect(page.getByText('A new version of your workbook is ready')).toBeVisible({ timeout: 20_000 });
    // Until the client chooses, they keep the version they were reading.
    await expect(page.getByText('There is no right answer')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('update-prompt-390.png') });

    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByText('There is no wrong answer')).toBeVisible();
    await expect(page.getByText('A new version of your workbook is ready')).toBeHidden();
    const stored = await page.evaluate((storageKey) => localStorage.getItem(storageKey), key);
    expect(answersSummary(stored)).toEqual(answersSummary(answers));

    // The other tab was offered the same update; after the first tab switched, its Reload simply reloads.
    await expect(other.getByText('A new version of your workbook is ready')).toBeVisible();
    await other.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => other.evaluate(() => 'openedBeforeUpdate' in window)).toBe(false);
    await expect(other.getByRole('heading', { level: 1, name: 'Notes' })).toBeVisible();
    await expect(other.getByText('A new version of your workbook is ready')).toBeHidden();
    expect(otherProblems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
  });
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.foreignRequests).toEqual([]);
});

test('each per-client deploy folder carries its own manifest and service worker, and works offline under a sub-path', async ({ browser }) => {
  test.setTimeout(BUILD_TIMEOUT);
  const root = tempFolder('offline-clients');
  const out = resolve(root, 'out');
  const run = spawnSync(process.execPath, [resolve('scripts', 'build-clients.ts'), '--base', base, '--out', out], {
    cwd: writeProject(join(root, 'project'), clients).root,
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);

  for (const client of clients) {
    const folder = join(out, client.slug);
    const manifest = JSON.parse(readFileSync(join(folder, client.slug, 'manifest.webmanifest'), 'utf8')) as { scope: string };
    expect(manifest.scope).toBe(`${base}${client.slug}/`);
    const urls = precacheUrls(readFileSync(join(folder, client.slug, 'sw.js'), 'utf8'));
    expect(urls).toContain(`${base}${client.slug}/index.html`);
    // Every file the worker will fetch on install is in the folder: one missing file would stop it installing.
    for (const url of urls) expect(existsSync(join(folder, url.slice(base.length))), url).toBe(true);
  }

  const [client] = clients as [TestClient];
  const problems = await visitServed(browser, join(out, client.slug), { base }, async ({ served, origin, context, page }) => {
    await page.goto(`${origin}${base}${client.slug}/`);
    expect(await waitForServiceWorker(page)).toBe(`${origin}${base}${client.slug}/`);
    await served.close();
    await context.setOffline(true);
    for (const path of ['', 'value-chains/', 'notes/', 'print/']) {
      const response = await page.goto(`${origin}${base}${client.slug}/${path}`);
      expect(response?.fromServiceWorker(), path).toBe(true);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
  });
  expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
});
