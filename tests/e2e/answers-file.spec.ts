import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANSWERS_VERSION } from '../../src/stores/limits.ts';
import { expect, test, watchPage } from './fixtures.ts';
import { client, filledAnswers, open, rankedLabels, seedStorage, storedAnswers, url } from './homework-helpers.ts';

test('answers go out to a file and come back in another browser, after a preview', async ({ page, browser, baseURL }) => {
  await seedStorage(page);
  await open(page, url('notes'));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download my answers' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(await readFile(file!, 'utf8'));
  expect(exported).toMatchObject({ kind: 'coaching-workbook-answers', version: ANSWERS_VERSION, slug: client.slug, data: filledAnswers() });

  // A fresh browser, as on another device.
  const context = await browser.newContext({ baseURL });
  const other = await context.newPage();
  const problems = watchPage(other, new URL(baseURL!).origin);
  await open(other, url('rank'));
  const before = await rankedLabels(other);
  await other.getByLabel('Import answers from a file').setInputFiles(file!);
  const preview = other.getByRole('region', { name: 'Check before you import' });
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('Value chains: 9 words now, 36 words in the file.');
  await expect(preview).toContainText('Ranking in the file: Friendship > Making an impact > Health');
  expect(await rankedLabels(other)).toEqual(before);
  await preview.getByRole('button', { name: 'Replace my answers with this file' }).click();
  await expect(other.getByText(/^Imported\. Your answers now match/)).toBeVisible();
  expect(await rankedLabels(other)).toEqual([...before].reverse());
  const imported = await storedAnswers(other);
  expect({ ...imported, updatedAt: 0 }).toEqual({ ...filledAnswers(), updatedAt: 0 });
  await open(other, url('notes'));
  await expect(other.getByLabel('Your notes')).toHaveValue(filledAnswers().workbooks.values?.notes ?? '');
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test('a bad import file is refused with one line, and nothing changes', async ({ page }) => {
  await seedStorage(page);
  await open(page, url('value-chains'));
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  const dir = await mkdtemp(join(tmpdir(), 'answers-'));
  const bad = join(dir, 'answers.json');
  const good = { kind: 'coaching-workbook-answers', version: ANSWERS_VERSION, slug: client.slug, exportedAt: new Date().toISOString(), data: filledAnswers() };
  const cases: Array<[unknown, string]> = [
    ['not json at all', 'This file is not a workbook answers file, so nothing was changed. Choose the file you saved with “Download my answers”.'],
    [{ ...good, slug: 'sam-zyxwvutsrqponmlkjihgf' }, 'This file holds answers from a different workbook, so nothing was changed.'],
    [
      { ...good, data: { ...good.data, values: [{ ...good.data.values[0], label: '<img src=x onerror=alert(1)>' }, ...good.data.values.slice(1)] } },
      'Some answers in this file could not be used safely, so nothing was changed. Choose the file you saved with “Download my answers”.',
    ],
    [
      { ...good, data: { ...good.data, workbooks: { values: { notes: 42 } } } },
      'This file is not a workbook answers file, so nothing was changed. Choose the file you saved with “Download my answers”.',
    ],
  ];
  for (const [content, message] of cases) {
    await writeFile(bad, typeof content === 'string' ? content : JSON.stringify(content));
    await page.getByLabel('Import answers from a file').setInputFiles(bad);
    await expect(page.getByText(message, { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Check before you import' })).toHaveCount(0);
  }
  expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe(before);
  await expect(page.getByRole('img', { name: 'x' })).toHaveCount(0);
});
