import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { astroBuild } from '../../scripts/lib/build.ts';
import { createFixtureProject } from '../../scripts/lib/fixture-project.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';
import { BUILD_TIMEOUT, expect, test, watchPage } from './fixtures.ts';

// A coach's day one: a fresh copy of the content, a client added by the CLI with a
// non-Latin name and hostile text, a second workbook dropped in, then a real build.
const root = process.cwd();
const hostileTheme = '<img src=x onerror=alert(1)>';
const themes = ['Любовь', '家族', 'العائلة', 'Zoë’s craft', '✨ Wonder', 'Ωmega rest', hostileTheme, 'Courage'];
const name = 'Алёна 家明 <b>Петрова</b>';

let server: StaticServer;
let work: string;
let slug: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(BUILD_TIMEOUT);
  mkdirSync(join(root, '.tmp'), { recursive: true });
  work = mkdtempSync(join(root, '.tmp', 'e2e-build-'));
  const { root: project, content } = createFixtureProject(join(work, 'project'));
  cpSync(join(root, 'tests', 'fixtures', 'second-workbook'), content, { recursive: true });
  const cli = spawnSync(
    process.execPath,
    [join(root, 'scripts', 'new-client.ts'), '--name', name, ...themes.flatMap((theme) => ['--theme', theme]), '--date', '2026-12-09', '--json'],
    { cwd: project, encoding: 'utf8' },
  );
  expect(cli.status, cli.stderr).toBe(0);
  slug = JSON.parse(cli.stdout.trim().split('\n').at(-1) ?? '{}').slug;
  await astroBuild({ root: project });
  server = await serveStatic(join(project, 'dist'));
});

test.afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('a client made by the CLI builds, with their name and themes shown as text', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchPage(page, new URL(server.url).origin);
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });

  await page.goto(`${server.url}${slug}/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Алёна');
  await expect(page.getByRole('region', { name: 'Your coach' })).toContainText('Jordan Ellis');

  await page.goto(`${server.url}${slug}/value-chains/`);
  for (const theme of themes) await expect(page.getByRole('heading', { level: 2, name: theme, exact: true })).toBeVisible();
  expect(await page.locator('img').count()).toBe(0);

  await page.goto(`${server.url}coach/${slug}/guide/`);
  await expect(page.getByText(`${name} · session of`)).toBeVisible();
  await expect(page.getByRole('heading', { name: hostileTheme, exact: true })).toBeVisible();

  expect(dialogs).toBe(0);
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test('the dashboard lists every client, next session first', async ({ page }) => {
  await page.goto(`${server.url}coach/`);
  const rows = page.getByRole('table').getByRole('row');
  const headers = await rows.getByRole('rowheader').allTextContents();
  expect(headers).toEqual(['Maya Okafor', name, 'Sam Rivera']);
});

test('a second workbook is just more MDX: its pages get routes with no code change', async ({ page }) => {
  await page.goto(`${server.url}sam-k3v9q2m7x1c8b4n6z0p5r2t7/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sam');
  await page.getByRole('region', { name: 'Your homework' }).getByRole('link', { name: 'Check-in plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check-in plan' })).toBeVisible();
  await expect(page.getByText('Hello Sam.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Value chains' })).toHaveCount(0);

  await page.goto(`${server.url}coach/sam-k3v9q2m7x1c8b4n6z0p5r2t7/prep/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Check-in prep' })).toBeVisible();
  await expect(page.getByText('Review Sam')).toBeVisible();
});
