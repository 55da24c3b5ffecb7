import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { stringify } from 'yaml';
import { astroBuild } from '../../scripts/lib/build.ts';
import { createFixtureProject } from '../../scripts/lib/fixture-project.ts';
import { initWeigher } from '../../scripts/lib/page-weight.ts';
import { builtPages } from '../../scripts/lib/pages.ts';
import { checkBudget } from '../../scripts/lib/size-budget.ts';
import { formatProblem } from '../../src/schemas/problems.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';
import { expect, test, watchPage, type PageProblems } from './fixtures.ts';

// One client across two sessions: the values session two weeks ago, the goals session last week.
// The values travel from the first session's pages into the second's, the lens keeps its entries
// across both, and the coach sees both through a share link.
const root = process.cwd();
const DAY = 24 * 60 * 60 * 1000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const slug = 'iris-k3m5n7p9q2r4s6t8v1w3x5';
const themes = ['Creativity', 'Family', 'Growth', 'Autonomy', 'Honesty', 'Adventure', 'Health', 'Impact'];
const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());

let server: StaticServer;
let work: string;
let dist: string;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  mkdirSync(join(root, '.tmp'), { recursive: true });
  work = mkdtempSync(join(root, '.tmp', 'e2e-engagement-'));
  const { root: project, content } = createFixtureProject(join(work, 'project'));
  const sessions = [
    { workbook: 'values', date: day(-14) },
    { workbook: 'goals', date: day(-7) },
  ];
  writeFileSync(join(content, 'clients', `${slug}.yaml`), stringify({ name: 'Iris Novak', sessions, themes }));
  // Every build of this spec is this one call.
  await astroBuild({ root: project });
  dist = join(project, 'dist');
  server = await serveStatic(dist);
});

test.afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function client(browser: Browser): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ baseURL: server.url, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  return { context, page, problems: watchPage(page, new URL(server.url).origin) };
}

/** Opens a page and waits until its homework shows this browser's answers. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('astro-island[ssr]').first().waitFor({ state: 'detached' });
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
}

/** The client shares their answers from the home, and the coach opens the link in a browser of their own. */
async function shareWithCoach(page: Page, browser: Browser): Promise<{ coach: Page; context: BrowserContext; problems: PageProblems }> {
  await open(page, `${slug}/`);
  const share = page.getByRole('region', { name: 'Share with Jordan Ellis' });
  await share.getByRole('button', { name: 'Create the link' }).click();
  const link = await share.getByRole('textbox', { name: 'Link for Jordan Ellis' }).inputValue();
  const path = link.slice(link.indexOf(`coach/${slug}/review/`));
  expect(path.startsWith(`coach/${slug}/review/#`)).toBe(true);
  const { context, page: coach, problems } = await client(browser);
  await coach.goto(path);
  await expect(coach.getByText('Opened from a share link.')).toBeVisible();
  return { coach, context, problems };
}

test('every page of both sessions, the goals pages and the lens included, stays within its JavaScript budget', async () => {
  const pages = builtPages(dist);
  const paths = pages.map((page) => page.path);
  for (const page of [
    `/${slug}/goals/your-goals/`,
    `/${slug}/goals/against-the-grain/`,
    `/${slug}/goals/values-lens/`,
    `/${slug}/lens/`,
    `/${slug}/value-chains/`,
  ])
    expect(paths).toContain(page);
  const weigher = await initWeigher({ dist });
  const problems = pages.flatMap((page) => checkBudget(weigher.weigh(page), page.rel).map(formatProblem));
  expect(problems).toEqual([]);
});

test('the second session’s pages, the client’s and the coach’s, pass axe on a phone', async ({ browser }) => {
  const paths = builtPages(dist)
    .map((page) => page.path)
    .filter((path) => path.includes('/goals/'));
  expect(paths.length).toBeGreaterThanOrEqual(5);
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const problems = watchPage(page, new URL(server.url).origin);
  const found: string[] = [];
  for (const path of paths) {
    await open(page, path.slice(1));
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    found.push(...results.violations.map((violation) => `${path}: ${violation.id}: ${violation.help}`));
  }
  expect(found).toEqual([]);
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test('a value renamed in the first session is renamed on the second session’s pages, in print and for the coach', async ({ browser }) => {
  const { context, page, problems } = await client(browser);
  await open(page, `${slug}/value-chains/`);
  await page.getByRole('button', { name: 'Rename Family' }).click();
  await page.getByLabel('New name for Family').fill('Kin and home');
  await page.getByLabel('New name for Family').press('Enter');
  await expect(page.getByRole('heading', { name: 'Kin and home' })).toBeVisible();

  // G1: the goal, its first step, and the values it honours, chosen under their new names.
  await open(page, `${slug}/goals/your-goals/`);
  const form = page.getByRole('form', { name: 'Add a goal' });
  const honours = form.getByRole('group', { name: 'The values it honours' });
  await expect(honours.getByRole('checkbox', { name: 'Family' })).toHaveCount(0);
  await form.getByLabel('The goal, in one sentence').fill('Take the evening course in ceramics');
  await form.getByLabel('The first step, and when you will take it').fill('Enrol by Friday');
  await honours.getByRole('checkbox', { name: 'Kin and home' }).check();
  await honours.getByRole('checkbox', { name: 'Creativity' }).check();
  await form.getByRole('button', { name: 'Add the goal' }).click();
  const goal = page.getByRole('article', { name: 'Goal 1' });
  await expect(goal).toContainText('First step: Enrol by Friday');
  await expect(goal).toContainText('Honours: Creativity, Kin and home');
  await expect(form.getByLabel('The goal, in one sentence')).toHaveValue('');

  // A goal with no sentence is refused, in words.
  await form.getByRole('button', { name: 'Add the goal' }).click();
  await expect(form.getByRole('alert')).toHaveText('Type the goal first.');

  // G2: the goal checked against the top values, with a note.
  await open(page, `${slug}/goals/against-the-grain/`);
  const check = page.getByRole('group', { name: 'Does “Take the evening course in ceramics” pull against any of your top values?' });
  await expect(check.getByRole('checkbox', { name: 'Kin and home' })).toHaveCount(0);
  await check.getByRole('checkbox', { name: 'Growth' }).check();
  await page.getByLabel('What it would cost, and what you will do about it').fill('Less time for reading; keep Sundays free.');
  await expect(page.getByText(/^Saved · /)).toBeVisible();

  // The lens in session two holds the choice against the values under their new names.
  await open(page, `${slug}/goals/values-lens/`);
  await expect(page.getByRole('group', { name: 'Kin and home' })).toBeVisible();

  // The client's home counts the goals homework done.
  await open(page, `${slug}/`);
  await expect(page.getByRole('region', { name: 'Your homework' }).getByText('2 of 2 done')).toBeVisible();

  // In print, from the answers.
  await page.goto(`${slug}/print/`);
  await expect(page.getByText('Showing your answers.')).toBeVisible();
  const goals = page.getByRole('region', { name: 'Your goals', exact: true });
  await expect(goals).toContainText('Take the evening course in ceramics');
  await expect(goals).toContainText('Honours: Creativity, Kin and home');
  await expect(page.getByRole('region', { name: 'Goals against the grain' })).toContainText('Pulls against: Growth');
  await expect(page.getByRole('region', { name: 'Goals against the grain' })).toContainText('Less time for reading; keep Sundays free.');

  // On the coach's review page, with the values block for the client file.
  const { coach, context: coachContext, problems: coachProblems } = await shareWithCoach(page, browser);
  const chains = coach.getByRole('region', { name: 'Values and their chains' });
  await expect(chains.getByRole('heading', { level: 3, name: 'Kin and home' })).toBeVisible();
  await expect(chains.getByText('Renamed from the theme “Family”')).toBeVisible();
  const review = coach.getByRole('region', { name: 'Goals', exact: true });
  await expect(review).toContainText('Take the evening course in ceramics');
  await expect(review).toContainText('Honours: Creativity, Kin and home');
  await expect(review).toContainText('Pulls against: Growth');
  const words = coach.getByRole('region', { name: 'Iris’s words for the next session' });
  const block = words.getByRole('textbox', { name: 'Themes for the client file' });
  await expect(block).toHaveValue(/themes:\n {2}- name: "Creativity"\n {2}- name: "Kin and home"\n {2}- name: "Growth"/);
  await words.getByRole('button', { name: 'Copy the themes' }).click();
  await expect(words.getByText(/^Copied\./)).toBeVisible();
  expect(await coach.evaluate(() => navigator.clipboard.readText())).toBe(await block.inputValue());

  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
  expect(coachProblems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await coachContext.close();
  await context.close();
});

test('a lens entry survives a reload, prints, and reaches the coach through a share link', async ({ browser }) => {
  const { context, page, problems } = await client(browser);
  await page.goto(`${slug}/`);
  await page.getByRole('link', { name: 'The values lens' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'The values lens' })).toBeVisible();
  await open(page, `${slug}/lens/`);

  const form = page.getByRole('form', { name: 'Hold a choice up against your values' });
  const add = async (text: string, marks: Record<string, string>, note = '') => {
    await form.getByLabel('The choice, decision or goal, in a sentence').fill(text);
    for (const [value, mark] of Object.entries(marks)) await form.getByRole('group', { name: value }).getByRole('radio', { name: mark }).check();
    await form.getByLabel('A note (optional)').fill(note);
    await form.getByRole('button', { name: 'Add to the lens' }).click();
    await expect(page.getByRole('article', { name: text })).toBeVisible();
  };
  await add('Say yes to the weekend workshop', { Creativity: 'Honours', Family: 'Pulls against', Growth: 'Neither' }, 'It clashes with Sunday dinner.');
  await add('Skip the gym this week', { Autonomy: 'Pulls against' });

  const entries = page
    .getByRole('list')
    .filter({ has: page.getByRole('article') })
    .getByRole('article');
  await expect(entries.getByRole('heading', { level: 4 })).toHaveText(['Skip the gym this week', 'Say yes to the weekend workshop']);
  const workshop = page.getByRole('article', { name: 'Say yes to the weekend workshop' });
  await expect(workshop).toContainText(today);
  await expect(workshop.getByRole('listitem')).toHaveText(['Creativity: honours', 'Family: pulls against', 'Growth: neither']);

  await page.reload();
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
  await expect(entries.getByRole('heading', { level: 4 })).toHaveText(['Skip the gym this week', 'Say yes to the weekend workshop']);
  await expect(workshop).toContainText('Note: It clashes with Sunday dinner.');

  // Entries can be changed and removed.
  await page.getByRole('button', { name: 'Change the entry “Say yes to the weekend workshop”' }).click();
  const editing = page.getByRole('form', { name: 'Change “Say yes to the weekend workshop”' });
  await editing.getByLabel('A note (optional)').fill('It clashes with Sunday dinner; ask to join on Saturday only.');
  await editing.getByRole('button', { name: 'Save the entry' }).click();
  await expect(workshop).toContainText('ask to join on Saturday only');
  await page.getByRole('button', { name: 'Remove the entry “Skip the gym this week”' }).click();
  await expect(entries.getByRole('heading', { level: 4 })).toHaveText(['Say yes to the weekend workshop']);

  // The same entries on the second session's lens page.
  await open(page, `${slug}/goals/values-lens/`);
  await expect(page.getByRole('article', { name: 'Say yes to the weekend workshop' })).toContainText('Family: pulls against');

  // On one worksheet in the print pack.
  await page.goto(`${slug}/print/`);
  const sheet = page.getByRole('region', { name: 'The values lens', exact: true });
  await expect(sheet).toContainText('Say yes to the weekend workshop');
  await expect(sheet).toContainText('Family: pulls against');
  await expect(sheet).toContainText(today);

  // Beside the values on the coach's review page.
  const { coach, context: coachContext, problems: coachProblems } = await shareWithCoach(page, browser);
  const lens = coach.getByRole('region', { name: 'Values lens' });
  await expect(lens).toContainText('Say yes to the weekend workshop');
  await expect(lens).toContainText('Family: pulls against');
  const family = coach
    .getByRole('region', { name: 'Values and their chains' })
    .getByRole('listitem')
    .filter({ has: coach.getByRole('heading', { name: 'Family' }) });
  await expect(family).toContainText('Pulled against by “Say yes to the weekend workshop”');

  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
  expect(coachProblems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await coachContext.close();
  await context.close();
});

test('an answers file in the old format imports, and its values show in the second session', async ({ browser }) => {
  const { context, page, problems } = await client(browser);
  const old = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'answers-file-v1.json'), 'utf8')) as { version: number; slug: string };
  expect(old.version).toBe(1);
  const file = join(work, 'answers-v1.json');
  writeFileSync(file, JSON.stringify({ ...old, slug }));

  await open(page, `${slug}/goals/your-goals/`);
  await page.getByLabel('Import answers from a file').setInputFiles(file);
  await page.getByRole('region', { name: 'Check before you import' }).getByRole('button', { name: 'Replace my answers with this file' }).click();
  await expect(page.getByText(/^Imported\. Your answers now match/)).toBeVisible();
  const honours = page.getByRole('form', { name: 'Add a goal' }).getByRole('group', { name: 'The values it honours' });
  await expect(honours.getByRole('checkbox')).toHaveCount(2);
  await expect(honours.getByText('Making things')).toBeVisible();

  await open(page, `${slug}/notes/`);
  await expect(page.getByLabel('Your notes')).toHaveValue('Ask about the Camino.');
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});
