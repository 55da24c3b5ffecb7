import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, fillStorage, test } from './fixtures.ts';
import { open, storageKey, url } from './homework-helpers.ts';

async function downloadedAnswers(page: Page, button = page.getByRole('button', { name: 'Download my answers' }).first()) {
  const download = page.waitForEvent('download');
  await button.click();
  const file = await download;
  return { name: file.suggestedFilename(), json: JSON.parse(await readFile((await file.path())!, 'utf8')) };
}

test('with localStorage blocked, answers work on the page, a banner says so, and the export works', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await open(page, url('value-chains'));
  const banner = page.getByText('Your answers are not being saved.');
  await expect(banner).toBeVisible();
  await expect(page.getByText('Not saved · kept on this page only')).toBeVisible();
  const add = page.getByLabel('Add a word or phrase to Creativity');
  await add.fill('sketching');
  await add.press('Enter');
  await expect(page.getByRole('region', { name: 'Creativity' }).getByText('sketching', { exact: true }).first()).toBeVisible();
  const { name, json } = await downloadedAnswers(page);
  expect(name).toMatch(/^maya-answers-\d{4}-\d{2}-\d{2}\.json$/);
  expect(json.data.values[0].chain.map((word: { text: string }) => word.text)).toEqual(['Creativity', 'sketching']);
});

test('with localStorage full, the answer stays, the banner says "not saved", and export still works', async ({ page }) => {
  await fillStorage(page);
  await open(page, url('notes'));
  const notes = page.getByLabel('Your notes');
  await notes.fill('This must not vanish.');
  await expect(page.getByText('Your last change is not saved.')).toBeVisible();
  await expect(page.getByText(/storage for the workbook is full/)).toBeVisible();
  await expect(page.getByText('Not saved', { exact: true })).toBeVisible();
  await expect(notes).toHaveValue('This must not vanish.');
  expect(await page.evaluate((key) => localStorage.getItem(key), storageKey)).toBeNull();
  const { json } = await downloadedAnswers(page, page.getByRole('button', { name: 'Download my answers' }).first());
  expect(json.data.workbooks.values.notes).toBe('This must not vanish.');

  // Space frees up: the next change saves, and the banner goes.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler-')) localStorage.removeItem(key);
  });
  await notes.press('End');
  await notes.pressSequentially(' Saved now.');
  await expect(page.getByText('Your last change is not saved.')).toHaveCount(0);
  await expect(page.getByText('Saved · just now')).toBeVisible();
  const stored = await page.evaluate((key) => localStorage.getItem(key), storageKey);
  expect(JSON.parse(stored!).data.workbooks.values.notes).toBe('This must not vanish. Saved now.');
});

test('corrupt data under the key is kept as a backup, and the client is told', async ({ page }) => {
  await page.addInitScript((key) => {
    if (sessionStorage.getItem('seeded') === null) {
      localStorage.setItem(key, '{"version":1,"data":{"values":[{"label":');
      sessionStorage.setItem('seeded', 'yes');
    }
  }, storageKey);
  await open(page, url('living'));
  await expect(page.getByText('Some saved answers could not be read')).toBeVisible();
  const backups = await page.evaluate(
    (key) =>
      Object.keys(localStorage)
        .filter((name) => name.startsWith(`${key}:backup:`))
        .map((name) => localStorage.getItem(name)),
    storageKey,
  );
  expect(backups).toEqual(['{"version":1,"data":{"values":[{"label":']);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the copy' }).click();
  expect(await readFile((await (await download).path())!, 'utf8')).toBe('{"version":1,"data":{"values":[{"label":');
  await page
    .getByRole('group', { name: /Creativity/ })
    .getByRole('radio', { name: '6', exact: true })
    .check();
  await page.reload();
  await expect(page.getByText('Some saved answers could not be read')).toHaveCount(0);
  await expect(page.getByRole('group', { name: /Creativity · 6 of 10/ })).toBeVisible();
});
