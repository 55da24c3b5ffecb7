import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, fillStorage, sampleClient, test, watchPage } from './fixtures.ts';

const client = sampleClient();
const guide = `/coach/${client.slug}/guide/`;
const letter = `/coach/${client.slug}/letter/`;
const coach = parse(readFileSync(join('src', 'content', 'coach.yaml'), 'utf8')) as { name: string; baseUrl: string };
const workbookUrl = `${coach.baseUrl.replace(/\/+$/, '')}/${client.slug}/`;
const greeting = client.preferredName ?? client.name.split(' ')[0]!;
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Presses Tab until the element has focus, as a keyboard user would reach it. */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>, limit = 80) {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

async function newPage(browser: Browser, baseURL: string | undefined, options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ baseURL, ...options });
  const page = await context.newPage();
  const problems = watchPage(page, new URL(baseURL!).origin);
  return { context, page, problems };
}

test('focus mode: keyboard only through every theme, notes typed, still there after a reload', async ({ page }) => {
  await page.goto(guide);
  const start = page.getByRole('button', { name: 'Start focus mode' });
  await expect(start).toBeEnabled();
  await tabTo(page, start);
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: /Focus mode/ });
  const theme = dialog.getByRole('heading', { level: 2 });
  const count = client.themes.length;
  await expect(dialog).toBeVisible();
  await expect(theme).toBeFocused();

  for (let index = 0; index < count; index += 1) {
    if (index > 0) await page.keyboard.press('ArrowRight');
    await expect(theme).toHaveText(client.themes[index]!.name);
    await expect(dialog.getByText(`Theme ${index + 1} of ${count}`, { exact: true })).toBeVisible();
  }
  await page.keyboard.press('ArrowRight');
  await expect(theme).toHaveText(client.themes[count - 1]!.name);
  for (let index = count - 2; index >= 0; index -= 1) {
    await page.keyboard.press('ArrowLeft');
    await expect(theme).toHaveText(client.themes[index]!.name);
    await expect(dialog.getByText(`Theme ${index + 1} of ${count}`, { exact: true })).toBeVisible();
  }
  await page.keyboard.press('End');
  await expect(theme).toHaveText(client.themes[count - 1]!.name);
  await page.keyboard.press('Home');
  await expect(theme).toHaveText(client.themes[0]!.name);

  const [first, second] = client.themes as [{ name: string }, { name: string }];
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel(`Notes on ${first.name}`)).toBeFocused();
  await page.keyboard.type('Lit up talking about the prototype week.');
  // Arrow keys belong to the notes while typing; Escape hands them back to the themes.
  await page.keyboard.press('ArrowRight');
  await expect(theme).toHaveText(first.name);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(theme).toHaveText(second.name);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Sunday dinners.\nNon-negotiable.');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('checkbox', { name: `Explored: ${second.name}` })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(dialog.getByRole('button', { name: `2: ${second.name}, explored` })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(start).toBeFocused();
  await expect(page.getByText(`1 of ${count} themes explored`)).toBeVisible();

  await page.reload();
  await expect(page.getByLabel(`Notes on ${first.name}`)).toHaveValue('Lit up talking about the prototype week.');
  await expect(page.getByLabel(`Notes on ${second.name}`)).toHaveValue('Sunday dinners.\nNon-negotiable.');
  await expect(page.getByRole('checkbox', { name: `Explored: ${second.name}` })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Start focus mode' }));
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByLabel(`Notes on ${second.name}`)).toHaveValue('Sunday dinners.\nNon-negotiable.');
  await expect(dialog.getByRole('checkbox', { name: `Explored: ${second.name}` })).toBeChecked();
});

test('focus mode lists its keys on the page, and the last theme leads to the close', async ({ page }) => {
  await page.goto(guide);
  const keys = page.getByRole('term');
  await expect(keys.filter({ hasText: '→' })).toBeVisible();
  await expect(page.getByText('next, previous theme')).toBeVisible();
  await expect(page.getByText('leave the notes box, then focus mode')).toBeVisible();

  await page.getByRole('button', { name: 'Start focus mode' }).click();
  const dialog = page.getByRole('dialog', { name: /Focus mode/ });
  await expect(dialog.getByText('← → previous, next')).toBeVisible();
  await dialog.getByRole('button', { name: `${client.themes.length}: ${client.themes.at(-1)!.name}` }).click();
  await dialog.getByRole('button', { name: 'Finish: go to the close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Close' })).toBeFocused();
});

test('the session clock starts and pauses quietly', async ({ page }) => {
  await page.goto(guide);
  await page.getByRole('button', { name: 'Start focus mode' }).click();
  const dialog = page.getByRole('dialog', { name: /Focus mode/ });
  const clock = dialog.getByRole('timer');
  await expect(clock).toHaveText('0:00');
  await expect(clock).not.toHaveAttribute('aria-live', /polite|assertive/);
  await dialog.getByRole('button', { name: 'Start clock' }).click();
  await expect(clock).toHaveText('0:01', { timeout: 3000 });
  await dialog.getByRole('button', { name: 'Pause clock' }).click();
  const paused = await clock.textContent();
  await page.waitForTimeout(1200);
  await expect(clock).toHaveText(paused!);
  await expect(dialog.getByRole('button', { name: 'Resume clock' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Reset clock' }).click();
  await expect(clock).toHaveText('0:00');
});

test('the preparation checklist counts the themes and remembers its ticks', async ({ page }) => {
  await page.goto(guide);
  await expect(page.getByText(`${client.themes.length} themes noted.`)).toBeVisible();
  const read = page.getByRole('checkbox', { name: `Read ${greeting}'s Discovery Doc from start to finish.` });
  await read.check();
  await expect(page.getByText('1 of 4 done.')).toBeVisible();
  await page.reload();
  await expect(read).toBeChecked();
});

test('the guide reads completely with JavaScript off', async ({ browser, baseURL }) => {
  const { context, page, problems } = await newPage(browser, baseURL, { javaScriptEnabled: false });
  await page.goto(guide);
  for (const heading of ['Before the session', 'Framing', 'Opening', 'Themes', 'Close']) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  for (const theme of client.themes) {
    await expect(page.getByRole('heading', { level: 3, name: theme.name })).toBeVisible();
    for (const quote of theme.evidence ?? []) await expect(page.getByText(quote)).toBeVisible();
  }
  await expect(page.getByText('I could tell from several of your answers that creativity is important to you.')).toBeVisible();
  await expect(page.getByText('What excites you most about creativity?').filter({ visible: true })).toHaveCount(1);
  await expect(page.getByText('How does this play a role in your work today?').filter({ visible: true })).toHaveCount(client.themes.length);
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test('copy puts the letter on the clipboard as plain text and as HTML', async ({ browser, baseURL }) => {
  const { context, page, problems } = await newPage(browser, baseURL, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(letter);
  await page.getByRole('button', { name: 'Copy letter' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Copied\./);

  const clipboard = await page.evaluate(async () => {
    const found: Record<string, string> = {};
    for (const item of await navigator.clipboard.read()) {
      for (const type of item.types) found[type] = await (await item.getType(type)).text();
    }
    return found;
  });
  expect(clipboard['text/plain']).toMatch(new RegExp(`^Hi ${greeting},\\n\\nThank you`));
  expect(clipboard['text/plain']).toContain(`\n\n${workbookUrl}\n\n`);
  expect(clipboard['text/plain']).toContain('1. Value chains.');
  expect(clipboard['text/plain']).toMatch(new RegExp(`Warmly,\\n${coach.name}$`));
  expect(clipboard['text/plain']).not.toMatch(/\{\{|\*\*|<[a-z]/);
  expect(clipboard['text/html']).toContain(`<a href="${workbookUrl}">${workbookUrl}</a>`);
  expect(clipboard['text/html']).toContain('<strong>Value chains.</strong>');
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test("the letter's link is a real link to the client's workbook, and email gets it too", async ({ page, request }) => {
  await page.goto(letter);
  const body = page.getByRole('region', { name: 'The letter' });
  await expect(body).toContainText(`Hi ${greeting},`);
  await expect(body).toContainText(coach.name);
  const link = body.getByRole('link', { name: workbookUrl });
  await expect(link).toHaveAttribute('href', workbookUrl);
  const home = await request.get(new URL(workbookUrl).pathname.replace(/^\/workbooks/, ''));
  expect(home.status()).toBe(200);
  expect(await home.text()).toContain(greeting);

  const email = page.getByRole('link', { name: 'Open in email' });
  const href = (await email.getAttribute('href'))!;
  const to = (parse(readFileSync(join('src', 'content', 'clients', `${client.slug}.yaml`), 'utf8')) as { email?: string }).email ?? '';
  expect(href.startsWith(`mailto:${to}?subject=`)).toBe(true);
  const params = Object.fromEntries(
    href
      .slice(`mailto:${to}?`.length)
      .split('&')
      .map((pair) => pair.split('=').map(decodeURIComponent)),
  );
  expect(params.subject).toBe(`Your values homework, ${greeting}`);
  expect(params.body).toContain(`\r\n\r\n${workbookUrl}\r\n\r\n`);
});

test('the dashboard lists the client with links, and its search box is the only island', async ({ page, request }) => {
  await page.goto('/coach/');
  const clients = page.getByRole('table', { name: 'Clients, next session first' });
  const item = clients.getByRole('row').filter({ has: page.getByRole('rowheader', { name: client.name }) });
  await expect(item.getByRole('cell').nth(1)).toHaveText(String(client.themes.length));
  const links = {
    [`Session guide for ${client.name}`]: guide,
    [`Homework letter for ${client.name}`]: letter,
    [`Workbook of ${client.name}`]: `/${client.slug}/`,
  };
  for (const [name, href] of Object.entries(links)) {
    await expect(item.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
    expect((await request.get(href)).status(), href).toBe(200);
  }
  // The poster is linked once the site builds poster images, and then the link must work.
  const poster = item.getByRole('link', { name: `Poster of ${client.name}`, exact: true });
  if (existsSync(join('src', 'pages', '[slug]', 'poster.png.ts'))) {
    await expect(poster).toHaveAttribute('href', `/${client.slug}/poster.png`);
    const image = await request.get(`/${client.slug}/poster.png`);
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toContain('image/png');
  } else {
    await expect(poster).toHaveCount(0);
  }

  await expect(page.locator('astro-island')).toHaveCount(1);
  const search = page.getByRole('searchbox', { name: 'Find a client by name' });
  await search.fill('nobody like this');
  await expect(item).toBeHidden();
  await expect(page.getByRole('status')).toHaveText("No client's name contains “nobody like this”.");
  await search.fill(client.name.split(' ').at(-1)!.toLowerCase());
  await expect(item).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Showing 1 of 1 client.');
});

test('axe finds no WCAG 2.2 AA problems on the dashboard, guide, focus mode and letter', async ({ browser, baseURL }) => {
  // Four full axe passes, one of them over the whole session guide: slow when the machine is shared.
  test.setTimeout(240_000);
  const { context, page, problems } = await newPage(browser, baseURL);
  for (const path of ['/coach/', guide, letter]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations, `${path}: ${results.violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target).join(', ')})`).join('; ')}`).toEqual([]);
  }
  await page.goto(guide);
  await page.getByRole('button', { name: 'Start focus mode' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  const focus = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(focus.violations, focus.violations.map((v) => v.id).join(', ')).toEqual([]);
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test('the coach pages fit a 320 px phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['/coach/', guide, letter]) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(320);
  }
  await page.goto(guide);
  await page.getByRole('button', { name: 'Start focus mode' }).click();
  const dialog = page.getByRole('dialog', { name: /Focus mode/ });
  await expect(dialog.getByRole('button', { name: /^Next/ })).toBeVisible();
  expect(await dialog.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
});

test("the coach's notes export to a file and import again; a wrong file is refused with its reason", async ({ page }) => {
  const theme = client.themes[0]!.name;
  await page.goto(guide);
  await page.getByLabel(`Notes on ${theme}`).fill('Worth keeping.');
  await page.getByLabel('Insights from the Discovery Doc').fill('Mentioned feeling "alive" twice.');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export notes' }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^coach-notes-${client.slug}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const file = await download.path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported).toMatchObject({ kind: 'coaching-workbook-coach-notes', version: 1, slug: client.slug, client: client.name });

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByLabel(`Notes on ${theme}`)).toHaveValue('');
  const importer = page.getByLabel('Import notes from a file');
  await expect(importer).toBeEnabled();
  await importer.setInputFiles({ name: 'answers.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":"coaching-workbook-answers"}') });
  await expect(page.getByRole('alert')).toContainText('error: answers.json: kind: expected a coach notes file exported from a session guide');
  await importer.setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Notes imported.' })).toBeVisible();
  await expect(page.getByLabel(`Notes on ${theme}`)).toHaveValue('Worth keeping.');
  await expect(page.getByLabel('Insights from the Discovery Doc')).toHaveValue('Mentioned feeling "alive" twice.');
});

test('a full browser storage is shown next to the notes, never silent', async ({ page }) => {
  await fillStorage(page);
  await page.goto(guide);
  const notes = page.getByLabel(`Notes on ${client.themes[0]!.name}`);
  await notes.fill('Typed while the disk is full');
  const card = page.getByRole('listitem').filter({ has: notes });
  await expect(card.getByRole('alert')).toHaveText(/storage is full, so your latest notes are not saved\. Export your notes now/);
  await expect(notes).toHaveValue('Typed while the disk is full');
});
