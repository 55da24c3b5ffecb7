import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

export type Paper = 'A4' | 'Letter';

/** Text as pdftotext gives it, with bidi marks dropped and runs of spaces made one. */
export function normalise(text: string): string {
  return text
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n');
}

/** A PDF on disk, read back with poppler's pdfinfo and pdftotext. */
export interface PrintedPdf {
  file: string;
  pages: number;
  /** The whole text, normalised. */
  text: string;
  /** Each page's text, normalised; pageText[0] is page 1. */
  pageText: string[];
}

export function readPdf(file: string): PrintedPdf {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const pageText = Array.from({ length: pages }, (_, index) =>
    normalise(execFileSync('pdftotext', ['-f', String(index + 1), '-l', String(index + 1), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })),
  );
  return { file, pages, text: pageText.join('\n'), pageText };
}

/** Prints the page the way `npm run pdf` does and reads it back. */
export async function printToPdf(page: Page, file: string, paper: Paper): Promise<PrintedPdf> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  writeFileSync(file, await page.pdf({ format: paper, preferCSSPageSize: true, printBackground: true }));
  return readPdf(file);
}

/** The first few non-empty lines of a page, where a worksheet's heading must be. */
export function topLines(pageText: string, count = 3): string[] {
  return pageText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, count);
}

/**
 * The page numbers (1-based) on which each heading stands at the top, in
 * order, or -1 for a heading that starts no page.
 */
export function headingPages(pdf: PrintedPdf, headings: string[]): number[] {
  let from = 0;
  return headings.map((heading) => {
    const found = pdf.pageText.findIndex((text, index) => index >= from && topLines(text).some((line) => line === normalise(heading).trim()));
    if (found < 0) return -1;
    from = found + 1;
    return found + 1;
  });
}
