import { test, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createFixtureProject, REPO_ROOT, type FixtureProject } from '../../scripts/lib/fixture-project.ts';
import { BUILD_TIMEOUT } from './fixtures.ts';

// A coach previewing with `npm run dev` edits content and reloads: the pages read the files again,
// a new workbook page gets its address, and a broken file shows its problem until it is fixed.

let project: FixtureProject;
let server: ChildProcess;
let origin: string;
/** The fixture's one client file, and the client's address segment. */
let clientFile: string;
let slug: string;
let output = '';

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

async function waitForServer(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`astro dev did not answer at ${url}:\n${output}`);
}

/**
 * Opens `url` once the preview answers it without interruption. The first visits of a fresh
 * preview can be cut short by Vite reloading the page (new dependencies found, or a content
 * change), which a coach sees as one extra reload; a test steps past those and tries again.
 */
async function settledGoto(page: Page, url: string): Promise<void> {
  await expect(async () => {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
  }).toPass({ timeout: 90_000 });
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(BUILD_TIMEOUT);
  project = createFixtureProject(join('.tmp', 'e2e', 'dev-content'));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(
    process.execPath,
    [join(REPO_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--root', resolve(project.root), '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForServer(`${origin}/coach/`);
  // A first visit to the coach's and the client's pages, so the preview has found and prepared
  // what their scripts import before the test starts changing files.
  const file = readdirSync(join(project.content, 'clients'))[0]!;
  clientFile = join(project.content, 'clients', file);
  slug = file.replace(/\.ya?ml$/, '');
  const page = await browser.newPage();
  await settledGoto(page, `${origin}/coach/`);
  await settledGoto(page, `${origin}/${slug}/`);
  await page.close();
});

// Playwright reads the fixtures a hook needs from its first argument's pattern; this one needs none.
// eslint-disable-next-line no-empty-pattern
test.afterEach(({}, testInfo) => {
  // What the preview printed, to tell a slow machine from a broken reload.
  if (testInfo.status !== testInfo.expectedStatus) console.log(`astro dev printed:\n${output.slice(-4000)}`);
});

test.afterAll(() => {
  server?.kill();
});

test('in the preview, edited content shows on reload, a new page gets its address, and a broken file names its problem', async ({ page }) => {
  test.setTimeout(BUILD_TIMEOUT);
  const original = readFileSync(clientFile, 'utf8');
  const name = /^name: (.+)$/m.exec(original)?.[1] ?? '';
  expect(name).not.toBe('');

  await page.goto(`${origin}/coach/`);
  await expect(page.getByRole('link', { name, exact: false }).first()).toBeVisible();

  // A renamed client: the dashboard shows the new name after a reload.
  writeFileSync(clientFile, original.replace(/^name: .+$/m, 'name: Ada Quill'));
  await expect(async () => {
    await page.reload();
    await expect(page.getByText('Ada Quill').first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000 });

  // A new page in the workbook: it has an address and a place in the client's navigation.
  const extra = join(project.content, 'workbooks', 'values', 'a-quiet-extra.mdx');
  writeFileSync(extra, '---\ntitle: A quiet extra\naudience: client\norder: 9\n---\n\nA page the coach added while previewing.\n');
  await expect(async () => {
    await page.goto(`${origin}/${slug}/a-quiet-extra/`);
    await expect(page.getByRole('heading', { level: 1, name: 'A quiet extra' })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByText('A page the coach added while previewing.')).toBeVisible();

  // A broken client file: the preview shows the build's own line for it, file and field.
  expect(original).toMatch(/^sessionDate: /m);
  writeFileSync(clientFile, original.replace(/^sessionDate: .+$/m, 'sessionDate: "2026-13-45"'));
  const problem = `${slug}.yaml: sessionDate: expected a real calendar date written as YYYY-MM-DD, found "2026-13-45"`;
  await expect(async () => {
    await page.goto(`${origin}/coach/`);
    await expect(page.getByText(problem).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
  // The terminal running the preview says the same.
  expect(output).toContain(problem);

  // Fixed again: the page comes back with the file's own name.
  writeFileSync(clientFile, original);
  await expect(async () => {
    await page.goto(`${origin}/coach/`);
    await expect(page.getByText(name).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
});
