import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, sampleClient, test } from './fixtures.ts';

// A coach reading the guide, the letter and the homework pages beside the method
// should find its words, its order and its warmth. These are the method's own
// phrases; the built sample must carry them.
const client = sampleClient();
const greeting = client.preferredName ?? client.name.split(' ')[0]!;
const coach = parse(readFileSync(join('src', 'content', 'coach.yaml'), 'utf8')) as { name: string };
const email = (parse(readFileSync(join('src', 'content', 'clients', `${client.slug}.yaml`), 'utf8')) as { email?: string }).email;

/** The page's text as one line, with typographic quotes and apostrophes made plain, so the method's wording can be matched as typed. */
async function plainText(page: Page, scope = page.locator('main')): Promise<string> {
  const text = await scope.innerText();
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ');
}

test("the guide carries the method's framing, purposes, prompt and follow-ups, in the method's order", async ({ page }) => {
  await page.goto(`/coach/${client.slug}/guide/`);
  const text = await plainText(page);
  expect(text).toContain(
    '"This session will be the most abstract, but will help set the foundation for everything we do from here. Don\'t worry; we will dig in to your specific goals and get down to brass tacks starting next week."',
  );
  expect(text).toContain(`You listen while ${greeting} voices things they know about themselves but may never have said out loud.`);
  expect(text).toMatch(
    /as a lens through the whole engagement, to see when .+ choices are in line with these values and when they may be in conflict with them/,
  );
  expect(text).toContain('what makes your client tick and what ingredients help them feel most fulfilled in life and work');
  expect(text).toContain('"Did any insights come up for you while you were filling in the Discovery Doc?"');
  expect(text).toContain('you pulled out some key themes from the answers too');

  const [first] = client.themes;
  const theme = first!.name.charAt(0).toLowerCase() + first!.name.slice(1);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: first!.name, exact: true }) });
  const cardText = await plainText(page, card);
  expect(cardText).toContain(`"I could tell from several of your answers that ${theme} is important to you. What is important to you about that?"`);
  expect(cardText).toContain(
    `What else? What does your ideal version of this look like? What excites you most about ${theme}? How does this play a role in your work today?`,
  );

  const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
  expect(headings).toEqual(['Before the session', 'Framing', 'Opening', 'Themes', 'Close', 'After the session']);
  expect(text).not.toMatch(/8 to 10/);
});

test("the letter opens and closes in the method's warmth and lists the assignments as the method does", async ({ page }) => {
  await page.goto(`/coach/${client.slug}/letter/`);
  const letter = page.getByRole('region', { name: 'The letter' });
  const text = await plainText(page, letter);
  expect(text).toContain(`Hi ${greeting},`);
  expect(text).toContain('I loved learning more about all of your values and what makes you tick!');
  expect(text).toContain('homework assignments I mentioned');
  expect(text).toMatch(/Value chains\. .*word associations.* in bold\./);
  expect(text).toContain("This usually doesn't happen in just one day, but it might!");
  expect(text).toContain('Pinterest board');
  expect(text).toContain('so that everything we do together will be in the same place');
  expect(text).not.toContain('shared doc');
  expect(text.trim().endsWith(coach.name)).toBe(true);
  await expect(letter.getByText('bold', { exact: true })).toHaveJSProperty('tagName', 'STRONG');
  if (email) {
    await expect(letter.getByText(email, { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Open in email' })).toHaveAttribute('href', new RegExp(`^mailto:${email.replace(/[.+]/g, '\\$&')}\\?subject=`));
  }
});

test("the homework pages keep the method's examples and promise nothing the coach did not", async ({ page }) => {
  await page.goto(`/${client.slug}/value-chains/`);
  let text = await plainText(page);
  expect(text).toContain('word association');
  expect(text).toContain(
    'Personal growth / reading / learning / feeling inspired / attending classes / challenging myself / inspiring others / sharing / recommending resources to friends / meeting interesting people',
  );

  await page.goto(`/${client.slug}/rank/`);
  text = await plainText(page);
  expect(text).toContain('post-it');
  expect(text).toContain("It usually doesn't happen in just one day, but it might!");
  expect(text).not.toMatch(/next session/i);

  await page.goto(`/${client.slug}/notes/`);
  text = await plainText(page);
  expect(text).not.toMatch(/shared doc/i);
  expect(text).toContain('Your notes stay on this device');
  await expect(page.getByRole('heading', { name: `Share with ${coach.name}` })).toBeVisible();
  await expect(page.getByRole('button', { name: /link/i }).first()).toBeVisible();

  await page.goto(`/${client.slug}/living/`);
  await expect(page.getByText('This chart needs your ranking')).toBeVisible();
});

test('the Safari note is on the home and the install hint, not on every homework page', async ({ page }) => {
  await page.goto(`/${client.slug}/`);
  await expect(page.getByText(/Safari clears what a website has saved after seven days/)).toBeVisible();
  for (const path of ['value-chains', 'rank', 'living', 'notes']) {
    await page.goto(`/${client.slug}/${path}/`);
    expect(await plainText(page), path).not.toContain('Safari');
  }
});

test('an edit to the letter is kept for that client, and copying and email use it', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(`/coach/${client.slug}/letter/`);
  await page.getByRole('button', { name: 'Edit the letter' }).click();
  const editor = page.getByRole('textbox', { name: `The letter to ${greeting}` });
  await expect(editor).toHaveValue(new RegExp(`^Hi ${greeting},`));
  await editor.fill(`Hi ${greeting},\n\nA line of my own.\n\n${coach.name}`);
  await page.getByRole('button', { name: 'Done editing' }).click();
  await page.reload();
  const letter = page.getByRole('region', { name: 'The letter' });
  await expect(letter).toContainText('A line of my own.');
  await expect(page.getByText(`You edited this letter for ${greeting}`)).toBeVisible();
  const href = (await page.getByRole('link', { name: 'Open in email' }).getAttribute('href'))!;
  expect(decodeURIComponent(href.split('body=')[1]!)).toBe(`Hi ${greeting},\r\n\r\nA line of my own.\r\n\r\n${coach.name}`);
  await page.getByRole('button', { name: 'Copy letter' }).click();
  // Copying is asynchronous: read the clipboard once the page says the copy is done.
  await expect(page.getByRole('status')).toHaveText(/^Copied\./);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`Hi ${greeting},\n\nA line of my own.\n\n${coach.name}`);

  await page.getByRole('button', { name: 'Go back to the letter as written' }).click();
  await expect(letter).toContainText('I loved learning more about all of your values');
  await page.reload();
  await expect(letter).not.toContainText('A line of my own.');
  await context.close();
});
