import { expect, test, watchPage } from './fixtures.ts';
import { client, open, rankedLabels, reopen, storedAnswers, url } from './homework-helpers.ts';

test('a client fills in every page, reloads, and finds everything there', async ({ page }) => {
  await page.goto(url());
  await expect(page.getByText('0 of 3 done')).toBeVisible();

  // HW1: chains, a bold word, a value of their own.
  await open(page, url('value-chains'));
  const creativity = page.getByRole('region', { name: 'Creativity' });
  const addToCreativity = creativity.getByLabel('Add a word or phrase to Creativity');
  await addToCreativity.fill('sketching');
  await addToCreativity.press('Enter');
  await addToCreativity.fill('making prototypes');
  await creativity.getByRole('button', { name: 'Add to Creativity' }).click();
  await creativity.getByRole('button', { name: 'making prototypes sums up Creativity' }).click();
  await expect(creativity.getByRole('button', { name: 'making prototypes sums up Creativity' })).toHaveAttribute('aria-pressed', 'true');
  await expect(creativity.getByText('making prototypes', { exact: true }).first()).toBeVisible();
  await page.getByLabel('Value name').fill('Humor');
  await page.getByRole('button', { name: 'Add value' }).click();
  await expect(page.getByRole('heading', { name: 'Humor' })).toBeFocused();
  await expect(page.getByText('Saved · just now')).toBeVisible();

  // HW2: a ranking by buttons.
  await open(page, url('rank'));
  await page.getByRole('button', { name: 'Move Health up' }).click();
  await page.getByRole('button', { name: 'Move Health up' }).click();
  const ranking = await rankedLabels(page);
  expect(ranking.slice(0, 6)).toEqual(['Creativity', 'Family', 'Personal growth', 'Autonomy', 'Health', 'Honesty']);

  // HW3: every value scored.
  await open(page, url('living'));
  const groups = page.getByRole('group');
  const count = await groups.count();
  expect(count).toBe(client.themes.length + 1);
  for (let i = 0; i < count; i += 1)
    await groups
      .nth(i)
      .getByRole('radio', { name: String((i % 10) + 1), exact: true })
      .check();
  await expect(page.getByRole('group', { name: /Creativity · 1 of 10/ })).toBeVisible();

  // Notes.
  await open(page, url('notes'));
  await page.getByLabel('Your notes').fill('First line.\nSecond line, with é and 家.');

  // Reload every page: everything is there.
  await open(page, url('value-chains'));
  await reopen(page);
  await expect(page.getByRole('region', { name: 'Creativity' }).getByRole('button', { name: 'making prototypes sums up Creativity' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('region', { name: 'Humor' })).toBeVisible();
  await open(page, url('rank'));
  await reopen(page);
  expect(await rankedLabels(page)).toEqual(ranking);
  await expect(page.getByText(/Ranked on one day/)).toBeVisible();
  await open(page, url('living'));
  await reopen(page);
  await expect(page.getByRole('group', { name: /Creativity · 1 of 10/ }).getByRole('radio', { name: '1', exact: true })).toBeChecked();
  await expect(page.getByRole('group', { name: /Humor · 10 of 10/ })).toBeVisible();
  await open(page, url('notes'));
  await reopen(page);
  await expect(page.getByLabel('Your notes')).toHaveValue('First line.\nSecond line, with é and 家.');

  // The home counts what is done: chains are in progress (one bold word of ten).
  await page.goto(url());
  await expect(page.getByText('2 of 3 done')).toBeVisible();
  const homework = page.getByRole('region', { name: 'Your homework' });
  await expect(homework.getByRole('listitem').filter({ hasText: 'Value chains' })).toContainText('In progress');
  await expect(homework.getByRole('listitem').filter({ hasText: 'Stack rank' })).toContainText('Ranked on one day');
  await expect(homework.getByRole('listitem').filter({ hasText: 'Living score' })).toContainText('Done');
  await expect(homework.getByRole('listitem').filter({ hasText: 'Your values poster' })).toContainText('Optional');
  expect((await storedAnswers(page))?.values).toHaveLength(client.themes.length + 1);
});

test('a rename shows on every page', async ({ page }) => {
  await open(page, url('value-chains'));
  await page.getByRole('button', { name: 'Rename Family' }).click();
  await page.getByLabel('New name for Family').fill('Famille 家族');
  await page.getByLabel('New name for Family').press('Enter');
  await expect(page.getByRole('heading', { name: 'Famille 家族' })).toBeVisible();
  await open(page, url('rank'));
  expect(await rankedLabels(page)).toContain('Famille 家族');
  await open(page, url('living'));
  await expect(page.getByRole('group', { name: /Famille 家族/ })).toBeVisible();
  await page.goto(url());
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('two tabs stay in sync without a reload, and neither loses the other’s edit', async ({ page, context }) => {
  await open(page, url('value-chains'));
  const other = await context.newPage();
  const otherErrors: string[] = [];
  other.on('pageerror', (error) => otherErrors.push(error.message));
  await open(other, url('rank'));

  await page.getByRole('button', { name: 'Rename Health' }).click();
  await page.getByLabel('New name for Health').fill('Wellbeing');
  await page.getByLabel('New name for Health').press('Enter');
  await expect(other.getByRole('button', { name: /^Drag Wellbeing, at position/ })).toBeVisible();

  await other.getByRole('button', { name: 'Move Wellbeing up' }).click();
  await open(page, url('rank'));
  const fromOther = await rankedLabels(other);
  expect(await rankedLabels(page)).toEqual(fromOther);

  // Both edit in turn; the other tab's view keeps up and storage keeps both.
  await open(other, url('notes'));
  await other.getByLabel('Your notes').fill('Written in the second tab');
  await page.getByRole('button', { name: 'Move Creativity down' }).click();
  await expect(other.getByLabel('Your notes')).toHaveValue('Written in the second tab');
  const stored = await storedAnswers(page);
  expect(stored?.workbooks.values?.notes).toBe('Written in the second tab');
  expect(stored?.values.find((value) => value.label === 'Wellbeing')).toBeTruthy();
  expect(await rankedLabels(page)).not.toEqual(fromOther);
  expect(otherErrors).toEqual([]);
});

test('before its island has hydrated, the notes field takes no typing, so no early word is lost', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const problems = watchPage(page, new URL(baseURL!).origin);
  // Hold the notes island's code back, as a slow phone would.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/NotesEditor\.[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(url('notes'));
  const notes = page.getByRole('textbox', { name: 'Your notes' });
  await expect(notes).toBeVisible();
  await expect(notes).not.toBeEditable();
  await notes.focus();
  await page.keyboard.type('typed too early');
  await expect(notes).toHaveValue('');

  release();
  await expect(notes).toBeEditable();
  await notes.fill('Written once the page was ready.');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Your notes' })).toHaveValue('Written once the page was ready.');
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
  await context.close();
});
