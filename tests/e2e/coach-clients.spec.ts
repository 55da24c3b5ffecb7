import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildCoachSite, FIXTURE_CLIENTS, type CoachSite } from './coach-site.ts';
import { BUILD_TIMEOUT, expect, sampleClient, test, watchPage, type SampleClient } from './fixtures.ts';

// These tests need clients the sample site lacks: they build their own copy of the site.
test.describe.configure({ mode: 'serial' });

const maya = sampleClient() as Client;
type Client = SampleClient & { sessionDate: string };
const fixtures: Client[] = readdirSync(FIXTURE_CLIENTS).map((file) => ({
  ...(parse(readFileSync(join(FIXTURE_CLIENTS, file), 'utf8')) as Omit<Client, 'slug'>),
  slug: file.replace(/\.yaml$/, ''),
}));
const zoe = fixtures.find((client) => client.themes.length === 10)!;
const sam = fixtures.find((client) => client.themes.length < 8)!;

let site: CoachSite;

test.beforeAll(async () => {
  test.setTimeout(BUILD_TIMEOUT);
  site = await buildCoachSite('coach-clients');
});

test.afterAll(async () => {
  await site?.close();
});

async function open(browser: import('@playwright/test').Browser) {
  const context = await browser.newContext({ baseURL: site.server.url });
  const page = await context.newPage();
  const problems = watchPage(page, new URL(site.server.url).origin);
  return { context, page, problems };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

test("a second client's coach notes are kept apart, even on a theme of the same name", async ({ browser }) => {
  const { context, page, problems } = await open(browser);
  await page.goto(`coach/${maya.slug}/guide/`);
  await page.getByLabel('Notes on Creativity').fill('Maya: the prototype week');
  await page.getByRole('checkbox', { name: 'Explored: Creativity' }).check();

  await page.goto(`coach/${zoe.slug}/guide/`);
  const zoeNotes = page.getByLabel('Notes on Creativity');
  await expect(zoeNotes).toBeEnabled();
  await expect(zoeNotes).toHaveValue('');
  await expect(page.getByRole('checkbox', { name: 'Explored: Creativity' })).not.toBeChecked();
  await zoeNotes.fill('Zoë: drawing every evening');

  await page.goto(`coach/${maya.slug}/guide/`);
  await expect(page.getByLabel('Notes on Creativity')).toHaveValue('Maya: the prototype week');
  await page.goto(`coach/${zoe.slug}/guide/`);
  await expect(page.getByLabel('Notes on Creativity')).toHaveValue('Zoë: drawing every evening');

  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  expect(keys).toEqual([`coach:${maya.slug}:session`, `coach:${zoe.slug}:session`]);
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test('the dashboard puts the next session first and warns about fewer than 8 themes', async ({ browser }) => {
  const { context, page, problems } = await open(browser);
  await page.goto('coach/');
  const today = new Date().toISOString().slice(0, 10);
  const all = [maya, ...fixtures];
  const upcoming = all.filter((client) => client.sessionDate >= today).sort((a, b) => a.sessionDate.localeCompare(b.sessionDate));
  const past = all.filter((client) => client.sessionDate < today).sort((a, b) => b.sessionDate.localeCompare(a.sessionDate));
  const table = page.getByRole('table', { name: 'Clients, next session first' });
  const names = await table.getByRole('rowheader').allTextContents();
  expect(names).toEqual([...upcoming, ...past].map((client) => client.name));

  const samItem = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: sam.name }) });
  await expect(samItem).toContainText(`${sam.themes.length} · the method asks for at least 8-10`);
  const zoeItem = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: zoe.name }) });
  await expect(zoeItem.getByRole('cell').nth(1)).toHaveText('10');

  await page.getByRole('searchbox', { name: 'Find a client by name' }).fill('zoe');
  await expect(zoeItem).toBeVisible();
  await expect(samItem).toBeHidden();
  await expect(page.getByRole('status')).toHaveText(`Showing 1 of ${all.length} clients.`);

  await page.goto(`coach/${sam.slug}/guide/`);
  await expect(page.getByText(`${sam.themes.length} themes noted: the method asks for at least 8-10.`)).toBeVisible();
  await expect(page.getByText(`0 of ${sam.themes.length} themes have a quote.`)).toBeVisible();
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test("a client's own letter replaces the template, and a letter too long for a link opens email with the subject only", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: site.server.url, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const problems = watchPage(page, new URL(site.server.url).origin);
  await page.goto(`coach/${sam.slug}/letter/`);
  const letter = page.getByRole('region', { name: 'The letter' });
  await expect(letter).toContainText('Hi Sam,');
  await expect(letter).toContainText('the long version of the homework');
  await expect(letter).not.toContainText('Dear Sam');
  await expect(page.getByText(`This is Sam's own letter, written in their client file`)).toBeVisible();
  const workbook = `https://coach.example/workbooks/${sam.slug}/`;
  await expect(letter.getByRole('link', { name: workbook })).toHaveAttribute('href', workbook);

  const email = page.getByRole('link', { name: 'Open in email (subject only)' });
  await expect(email).toHaveAttribute('href', 'mailto:?subject=Your%20values%20homework%2C%20Sam');
  await expect(page.getByText('This letter is too long to hand to an email app in one link')).toBeVisible();
  // Opening the mail app copies the letter first, so it is ready to paste.
  await email.evaluate((link) => link.addEventListener('click', (event) => event.preventDefault()));
  await email.click();
  await expect(page.getByRole('status')).toHaveText(/^Copied\. Your email app opens with the subject only/);
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toMatch(/^Hi Sam,\n/);
  expect(text).toMatch(/Speak soon,\nJordan Ellis$/);
  expect(text).toContain(workbook);
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

for (const format of ['A4', 'Letter'] as const) {
  test(`the guide prints as a session sheet of at most 3 ${format} pages for 10 themes`, async ({ browser }) => {
    const { context, page, problems } = await open(browser);
    await page.goto(`coach/${zoe.slug}/guide/`);
    await expect(page.getByRole('button', { name: 'Start focus mode' })).toBeEnabled();
    const dir = mkdtempSync(join(tmpdir(), 'guide-pdf-'));
    try {
      const pdf = join(dir, 'guide.pdf');
      await page.pdf({ path: pdf, format });
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(3);
      expect(info).toMatch(format === 'A4' ? /595\.\d+ x 842\.\d+ pts/ : /612 x 792 pts/);

      // -raw keeps the order the page drew its text in: theme by theme, even in two columns.
      const text = oneLine(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
      const squeezed = text.replace(/\s/g, '');
      expect(text).toContain(zoe.name);
      expect(text).toContain('Did any insights come up for you while you were filling in the Discovery Doc?');
      expect(text).toContain('This session will be the most abstract, but will help set the foundation for everything we do from here.');
      for (const question of [
        'What else?',
        'What does your ideal version of this look like?',
        'What excites you most about it?',
        'How does this play a role in your work today?',
      ]) {
        expect(text.split(question).length - 1, `follow-up "${question}" printed once`).toBe(1);
      }
      for (const theme of zoe.themes) {
        expect(squeezed).toContain(theme.name.replace(/\s/g, ''));
        const inSentence = theme.name.charAt(0).toLowerCase() + theme.name.slice(1);
        const named = /^[A-Z]/.test(theme.name) ? inSentence : theme.name;
        expect(text).toContain(`I could tell from several of your answers that ${named} is important to you. What is important to you about that?`);
        for (const quote of theme.evidence ?? []) expect(text).toContain(quote);
      }
      for (const label of [
        'Start focus mode',
        'Start clock',
        'Session clock',
        'Export notes',
        'Import notes',
        'Explored',
        'Next',
        'Previous',
        'On this page',
        'Before the session',
      ]) {
        expect(text, `"${label}" must not print`).not.toContain(label);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await context.close();
  });
}
