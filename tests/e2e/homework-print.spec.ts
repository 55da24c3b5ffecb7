import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { filledAnswers, open, seedStorage, url } from './homework-helpers.ts';

/** Prints the page to an A4 PDF the way Chromium does, and reads the text back. */
async function printedText(page: Page): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'print-'));
  const file = join(dir, 'page.pdf');
  await writeFile(file, await page.pdf({ format: 'A4', printBackground: true }));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const CONTROLS = [
  'Download my answers',
  'Import answers',
  'Keep a copy',
  'Saved',
  'Add a word',
  'Add value',
  'Merge or remove',
  'Move ',
  'Drag ',
  'This order is right',
  'Not yet rated',
  'Create the link',
];
const answers = filledAnswers();
const ranked = [...answers.values].sort((a, b) => a.rank - b.rank);

test('value chains print every chain in full, the bold word in bold, and no controls', async ({ page }) => {
  await seedStorage(page);
  await open(page, url('value-chains'));
  const text = await printedText(page);
  for (const value of answers.values) {
    // pdftotext may reorder words of mixed scripts on a line, so those are checked one by one.
    const words = value.chain.map((word) => word.text).filter((word) => /^[\x20-\x7e]+$/.test(word));
    expect(text.replace(/\s+/g, ' ')).toContain(words.join(' / '));
  }
  for (const word of ['Ω', 'Я', '家', 'عربى']) expect(text).toContain(word);
  // "Rename" appears once, in the page's own text, never as a button.
  expect(text.match(/Rename/g)).toHaveLength(1);
  for (const label of CONTROLS) expect(text, label).not.toContain(label);
  await page.emulateMedia({ media: 'print' });
  const bold = page.getByRole('region', { name: 'Creativity' }).getByText('Creativity at home', { exact: true }).first();
  await expect(bold).toHaveCSS('font-weight', '600');
  await expect(page.getByRole('region', { name: 'Creativity' }).getByText('Creativity at work', { exact: true }).first()).toHaveCSS('font-weight', '400');
});

test('the ranking prints as a numbered list, without buttons', async ({ page }) => {
  await seedStorage(page);
  await open(page, url('rank'));
  const lines = (await printedText(page)).split('\n').map((line) => line.trim().replace(/\s+/g, ' '));
  const numbered = ranked.map((value, index) => lines.findIndex((line) => line.startsWith(`${index + 1} ${value.label}`)));
  expect(
    numbered.every((line) => line >= 0),
    JSON.stringify(numbered),
  ).toBe(true);
  expect([...numbered].sort((a, b) => a - b)).toEqual(numbered);
  for (const label of CONTROLS) expect(lines.join('\n'), label).not.toContain(label);
});

test('living scores print as numbers, with the chart', async ({ page }) => {
  await seedStorage(page);
  await open(page, url('living'));
  const text = (await printedText(page)).replace(/\s+/g, ' ');
  for (const [index, value] of ranked.entries()) {
    expect(text).toContain(`${index + 1}. ${value.label} · ${value.rating} of 10`);
    expect(text).toContain(`${value.rating}/10`);
  }
  expect(text).toContain('Your living scores, in your rank order');
  for (const label of CONTROLS) expect(text, label).not.toContain(label);
});

test('notes print as text in full, never a clipped text area', async ({ page }) => {
  const long = `${Array.from({ length: 60 }, (_, i) => `Line ${i + 1} of a long week of notes.`).join('\n')}\nThe very last line.`;
  await seedStorage(page, { ...filledAnswers(), workbooks: { values: { notes: long } } });
  await open(page, url('notes'));
  const text = await printedText(page);
  expect(text).toContain('Line 1 of a long week of notes.');
  expect(text).toContain('Line 37 of a long week of notes.');
  expect(text).toContain('The very last line.');
  for (const label of CONTROLS) expect(text, label).not.toContain(label);
  // The notes box's own label stays off paper; the page's sentences about notes print.
  expect(text.split('\n').map((line) => line.trim())).not.toContain('Your notes');
});
