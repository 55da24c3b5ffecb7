import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { astroBuild } from '../../scripts/lib/build.ts';
import { createFixtureProject } from '../../scripts/lib/fixture-project.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';
import { BUILD_TIMEOUT, expect, test, watchPage } from './fixtures.ts';

// An engagement of several sessions. Ada starts as a one-session client made by the CLI and
// gets her goals session from `npm run new-session`; Ben's file lists three sessions, the last
// still to come. Dates are set from today, as the build judges "current" and "next" on the day it runs.
const root = process.cwd();
const DAY = 24 * 60 * 60 * 1000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const longDate = (text: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${text}T00:00:00Z`));

const ada = { name: 'Ada Lovelace', values: day(-14), goals: day(-7) };
const ben = { name: 'Ben Okoro', slug: 'ben-q8w4e6r2t9y1u3i5o7p0a2s4', values: day(-21), goals: day(-14), checkIn: day(7) };
const themes = ['Creativity', 'Family', 'Growth', 'Autonomy', 'Honesty', 'Adventure', 'Health', 'Impact'];

let server: StaticServer;
let work: string;
let adaSlug: string;
let sessionPath: string;

test.describe.configure({ mode: 'serial' });

/** Runs a CLI in the project folder `project`, as a coach runs it in theirs. */
function cli(script: string, args: string[], project: string) {
  const result = spawnSync(process.execPath, [join(root, 'scripts', script), ...args, '--json'], { cwd: project, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, string>;
}

test.beforeAll(async () => {
  test.setTimeout(BUILD_TIMEOUT);
  mkdirSync(join(root, '.tmp'), { recursive: true });
  work = mkdtempSync(join(root, '.tmp', 'e2e-sessions-'));
  const { root: project, content } = createFixtureProject(join(work, 'project'));
  cpSync(join(root, 'tests', 'fixtures', 'second-workbook', 'workbooks'), join(content, 'workbooks'), { recursive: true });

  adaSlug = cli('new-client.ts', ['--name', ada.name, ...themes.flatMap((theme) => ['--theme', theme]), '--date', ada.values], project).slug!;
  const added = cli('new-session.ts', ['--client', adaSlug, '--workbook', 'goals', '--date', ada.goals], project);
  expect(added).toMatchObject({ slug: adaSlug, workbook: 'goals' });
  sessionPath = added.sessionPath!;
  expect(readFileSync(join(content, 'clients', `${adaSlug}.yaml`), 'utf8')).toContain('sessions:');

  const sessions = [
    { workbook: 'values', date: ben.values },
    { workbook: 'goals', date: ben.goals },
    { workbook: 'check-in', date: ben.checkIn },
  ];
  writeFileSync(join(content, 'clients', `${ben.slug}.yaml`), stringify({ name: ben.name, sessions, themes }));

  await astroBuild({ root: project });
  server = await serveStatic(join(project, 'dist'));
});

test.afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test("the home shows the current session's homework first and the earlier session below, and old links still open", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  const problems = watchPage(page, new URL(server.url).origin);

  await page.goto(`${adaSlug}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your goals workbook, Ada');
  await expect(page.getByText(`session of ${longDate(ada.goals)}`)).toBeVisible();
  const homework = page.getByRole('region', { name: 'Your homework' });
  await expect(homework.getByRole('link', { name: 'Your goals' })).toHaveAttribute('href', sessionPath);
  await expect(homework.getByRole('link', { name: 'Goals against the grain' })).toBeVisible();
  await expect(homework.getByRole('link', { name: 'Value chains' })).toHaveCount(0);

  const earlier = page.getByRole('region', { name: 'Earlier sessions' });
  const values = earlier.getByRole('region', { name: `Your values workbook · session of ${longDate(ada.values)}` });
  await expect(values.getByRole('link', { name: 'HW1 · Value chains' })).toHaveAttribute('href', `/${adaSlug}/value-chains/`);
  await expect(values.getByRole('link', { name: 'HW2 · Stack rank' })).toBeVisible();
  // The current session comes first on the page, the earlier one after it.
  const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
  expect(headings.indexOf('Your homework')).toBeLessThan(headings.indexOf('Earlier sessions'));

  // Links sent after the first session keep opening what they opened then.
  await values.getByRole('link', { name: 'HW1 · Value chains' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Value chains' })).toBeVisible();
  for (const theme of themes) await expect(page.getByRole('heading', { level: 2, name: theme, exact: true })).toBeVisible();
  await page.goto(`${adaSlug}/rank/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Stack rank' })).toBeVisible();

  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test("a later session's pages live under its workbook, print on paper, and join the print pack", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  const problems = watchPage(page, new URL(server.url).origin);
  // The goals pages take the goals in, and print with room to write by hand.
  await page.goto(sessionPath.slice(1));
  await expect(page.getByRole('heading', { level: 1, name: 'Your goals' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Add a goal' }).getByLabel('The goal, in one sentence')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('region', { name: 'Goal 1' })).toContainText('The first step, and when I will take it');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('navigation', { name: 'Workbook' }).getByRole('link', { name: 'G3 The values lens' })).toHaveAttribute(
    'href',
    `/${adaSlug}/goals/values-lens/`,
  );
  await page.goto(`${adaSlug}/goals/values-lens/`);
  await expect(page.getByRole('form', { name: 'Hold a choice up against your values' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('region', { name: 'Lens entry 1' }).getByRole('columnheader', { name: 'Pulls against' })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // The print pack holds every session's worksheets.
  await page.goto(`${adaSlug}/print/?blank`);
  for (const name of ['Value chains', 'Stack rank', 'Your goals', 'Goals against the grain', 'The values lens']) {
    await expect(page.getByRole('region', { name, exact: true })).toHaveCount(1);
  }
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test("a client whose next session is still to come sees it named, and a later session's pages only under its workbook", async ({ page }) => {
  await page.goto(`${server.url}${ben.slug}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your goals workbook, Ben');
  await expect(page.getByText(`Next session: ${longDate(ben.checkIn)}.`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Earlier sessions' }).getByRole('heading', { level: 3 })).toHaveText([
    `Your values workbook · session of ${longDate(ben.values)}`,
  ]);
  // The session still to come is not on the home yet, but its pages are built for when it is.
  await expect(page.getByRole('link', { name: 'Check-in plan' })).toHaveCount(0);
  expect((await page.request.get(`${server.url}${ben.slug}/check-in/plan/`)).status()).toBe(200);
  expect((await page.request.get(`${server.url}${ben.slug}/your-goals/`)).status()).toBe(404);
});

test('each session has its own guide and letter, and the letter names the next session', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  const problems = watchPage(page, new URL(server.url).origin);

  await page.goto(`coach/${adaSlug}/guide/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Session guide' })).toBeVisible();
  await expect(page.getByText(`${ada.name} · session of ${longDate(ada.values)}`)).toBeVisible();
  await page.goto(`coach/${adaSlug}/letter/`);
  await expect(page.getByRole('region', { name: 'The letter' })).toContainText(`Thank you for our session on ${longDate(ada.values)}`);

  await page.goto(`coach/${adaSlug}/goals/guide/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Goals session guide' })).toBeVisible();
  await expect(page.getByText(`${ada.name} · session of ${longDate(ada.goals)}`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Reviewing the values homework' })).toBeVisible();
  await expect(page.getByLabel('Notes on the first goal')).toBeEnabled();
  await page.getByRole('navigation', { name: 'Workbook' }).getByRole('link', { name: 'Goals homework letter' }).click();
  await expect(page).toHaveURL(new RegExp(`/coach/${adaSlug}/goals/letter/$`));
  const letter = page.getByRole('region', { name: 'The letter' });
  await expect(letter).toContainText(`Thank you for our session on ${longDate(ada.goals)}`);
  await expect(letter).toContainText('Our next session: to be agreed.');
  await expect(letter.getByRole('link', { name: `https://coach.example/workbooks/${adaSlug}/` })).toBeVisible();

  await page.goto(`coach/${ben.slug}/goals/letter/`);
  await expect(page.getByRole('region', { name: 'The letter' })).toContainText(`Our next session: ${longDate(ben.checkIn)}.`);
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test("the dashboard shows each client's sessions and the next date", async ({ page }) => {
  await page.goto(`${server.url}coach/`);
  const table = page.getByRole('table', { name: 'Clients, next session first' });
  const row = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });

  const benRow = row(ben.name);
  await expect(benRow.getByRole('cell').first().locator('time').first()).toHaveText(longDate(ben.checkIn));
  await expect(benRow.getByRole('list', { name: `Sessions of ${ben.name}` }).getByRole('listitem')).toHaveText([
    `Values · ${longDate(ben.values)}`,
    `Goals · ${longDate(ben.goals)} (current)`,
    `Check in · ${longDate(ben.checkIn)}`,
  ]);
  await expect(benRow.getByRole('link', { name: `Check-in prep for ${ben.name}` })).toHaveAttribute('href', `/coach/${ben.slug}/check-in/prep/`);

  const adaRow = row(ada.name);
  await expect(adaRow).toContainText('Past');
  await expect(adaRow.getByRole('list', { name: `Sessions of ${ada.name}` }).getByRole('listitem')).toHaveText([
    `Values · ${longDate(ada.values)}`,
    `Goals · ${longDate(ada.goals)} (current)`,
  ]);
  for (const [name, href] of [
    [`Session guide for ${ada.name}`, `/coach/${adaSlug}/guide/`],
    [`Homework letter for ${ada.name}`, `/coach/${adaSlug}/letter/`],
    [`Goals session guide for ${ada.name}`, `/coach/${adaSlug}/goals/guide/`],
    [`Goals homework letter for ${ada.name}`, `/coach/${adaSlug}/goals/letter/`],
  ] as const) {
    await expect(adaRow.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
  }
  // Ben's session in a week comes before every past session.
  const names = await table.getByRole('rowheader').allTextContents();
  expect(names.indexOf(ben.name)).toBeLessThan(names.indexOf(ada.name));
});
