import type { Page } from '@playwright/test';
import { ANSWERS_VERSION } from '../../src/stores/limits.ts';
import { everyIslandHydrated, expect, sampleClient, test } from './fixtures.ts';
import { headingPages, normalise, printToPdf, topLines, type Paper, type PrintedPdf } from './pdf-text.ts';
import { enteredWords, NOTE_LINES, sampleAnswers } from './print-answers.ts';

const client = sampleClient();
const answers = sampleAnswers(client.themes);
const words = enteredWords(answers);
const papers: Paper[] = ['A4', 'Letter'];

async function seedAnswers(page: Page) {
  // A Content Security Policy violation while the answers are read fails the test, through the console.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective}`));
  });
  await page.addInitScript(
    ([key, value]) => window.localStorage.setItem(key!, value!),
    [`workbook:${client.slug}:answers`, JSON.stringify({ version: ANSWERS_VERSION, data: answers })],
  );
}

/**
 * What the screen shows that paper must not: every button, status line,
 * alert, the navigation, the site footer and the skip link. Collected on
 * screen, then checked against the PDF's text, and checked hidden under print media.
 */
async function screenOnlyTexts(page: Page): Promise<{ lines: string[]; phrases: string[] }> {
  const textOf = async (role: 'button' | 'status' | 'alert' | 'navigation' | 'contentinfo' | 'link') =>
    (await page.getByRole(role).allTextContents()).map((text) => normalise(text).trim()).filter((text) => text !== '');
  const buttons = await textOf('button');
  const statuses = [...(await textOf('status')), ...(await textOf('alert'))];
  const navs = await textOf('navigation');
  const footer = await textOf('contentinfo');
  const skip = normalise((await page.getByRole('link', { name: 'Skip to content' }).textContent()) ?? '').trim();
  return {
    // A short label such as "Print" may be a word in the worksheets, so a printed button is caught as a line of its own.
    lines: [...buttons, ...statuses],
    // Long texts are distinctive: they must be nowhere in the PDF.
    phrases: [...buttons, ...statuses, ...navs, ...footer, skip].filter((text) => text.length >= 12),
  };
}

async function expectNothingScreenOnly(page: Page, pdf: PrintedPdf) {
  const { lines, phrases } = await screenOnlyTexts(page);
  const pdfLines = new Set(pdf.text.split('\n').map((line) => line.trim()));
  const flat = pdf.text.replace(/\s+/g, ' ');
  for (const line of lines) expect(pdfLines.has(line), `"${line}" printed in ${pdf.file}`).toBe(false);
  for (const phrase of phrases) expect(flat.includes(phrase.replace(/\s+/g, ' ')), `"${phrase}" printed in ${pdf.file}`).toBe(false);

  await page.emulateMedia({ media: 'print' });
  for (const role of ['button', 'navigation', 'status', 'alert', 'contentinfo'] as const) {
    for (const element of await page.getByRole(role).all()) await expect(element).toBeHidden();
  }
  await page.emulateMedia({ media: null });
}

/** The client's pages, as the workbook's navigation lists them. */
async function clientPages(page: Page): Promise<string[]> {
  await page.goto(`/${client.slug}/`);
  const links = page.getByRole('navigation', { name: 'Workbook' }).getByRole('link');
  const hrefs = (await links.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).pathname))).filter(
    (href) => !href.endsWith('/print/'),
  );
  expect(hrefs.length).toBeGreaterThanOrEqual(6);
  return hrefs;
}

for (const paper of papers) {
  test.describe(`on ${paper}`, () => {
    test('the print page with my answers prints every word, and each worksheet on its own page', async ({ page }, testInfo) => {
      await seedAnswers(page);
      await page.goto(`/${client.slug}/print/`);
      await expect(page.getByRole('link', { name: 'My answers' })).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('status')).toHaveText('Showing your answers.');
      const pack = page.getByRole('article');
      const headings = (await pack.getByRole('heading', { level: 2 }).allTextContents()).map((text) => text.trim());
      expect(headings[0]).toBe(client.name);
      expect(headings).toEqual(expect.arrayContaining(['Value chains', 'Stack rank', 'Post-its to cut out', 'Living score', 'Notes']));

      const pdf = await printToPdf(page, testInfo.outputPath(`print-filled-${paper}.pdf`), paper);
      const flat = pdf.text.replace(/\s+/g, ' ');
      const missing = words.filter((word) => !flat.includes(word));
      expect(missing, 'entered words missing from the PDF').toEqual([]);
      for (const line of NOTE_LINES) expect(flat).toContain(line);
      expect(flat).toContain('Your answers, as saved in this browser');
      expect(flat).not.toContain('Your own value');

      // Each worksheet starts a page, in order, right after the cover on page 1.
      const starts = headingPages(pdf, headings);
      expect(starts[0]).toBe(1);
      expect(
        starts.every((start, index) => index === 0 || start > (starts[index - 1] ?? 0)),
        `${headings.join(', ')} start on ${starts.join(', ')}`,
      ).toBe(true);

      // Ratings print as numbers, the ranking as a numbered list, the bold word in bold (checked in the unit tests too).
      expect(flat).toContain('1 Creativity 2 Playfulness 3 Family 4 Personal growth 5 Freedom to choose');
      expect(flat).toContain('Creativity 1 2 3 4 5 6 7 8 9 10 1 / 10');
      expect(flat).toContain('Friendship 1 2 3 4 5 6 7 8 9 10 not yet rated');
      await expectNothingScreenOnly(page, pdf);
    });

    test('the blank print page prints room to write and none of my answers', async ({ page }, testInfo) => {
      await seedAnswers(page);
      await page.goto(`/${client.slug}/print/?blank`);
      await expect(page.getByRole('link', { name: 'Blank' })).toHaveAttribute('aria-current', 'page');
      const headings = (await page.getByRole('article').getByRole('heading', { level: 2 }).allTextContents()).map((text) => text.trim());

      const pdf = await printToPdf(page, testInfo.outputPath(`print-blank-${paper}.pdf`), paper);
      const flat = pdf.text.replace(/\s+/g, ' ');
      for (const theme of client.themes) expect(flat).toContain(theme.name);
      expect(flat).toContain('Your own value');
      expect(flat).toContain('Blank worksheets, to fill in by hand');
      for (const word of ['noteword01', 'Playfulness', 'sketching', 'Freedom to choose']) expect(flat).not.toContain(word);
      const starts = headingPages(pdf, headings);
      expect(
        starts.every((start, index) => start > 0 && (index === 0 || start > (starts[index - 1] ?? 0))),
        `${headings.join(', ')} start on ${starts.join(', ')}`,
      ).toBe(true);
      // The sample's 9 themes fit the same page budget as a 10-theme pack.
      expect(pdf.pages).toBeLessThanOrEqual(7);
      await expectNothingScreenOnly(page, pdf);
    });

    test('every client page prints what it shows, with its heading on top and no controls', async ({ page }, testInfo) => {
      const paths = await clientPages(page);
      // Blank first: the seeded answers stay in the page's storage once added.
      for (const filled of [false, true]) {
        if (filled) await seedAnswers(page);
        for (const path of paths) {
          await page.goto(path);
          // Islands further down (the poster studio) show the client's own answers once they have scrolled into view.
          await everyIslandHydrated(page);
          const heading = normalise((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
          // The entered words this page shows, as text or in a form field, must all reach paper.
          // Controls, status lines and .no-print hints are screen-only by design, so their own text ("Download my answers") is left out.
          const shown = await page.getByRole('main').evaluate((main) => {
            const fields = [...main.querySelectorAll('input, textarea')].map((field) => (field as HTMLInputElement).value);
            const controls = [...main.querySelectorAll<HTMLElement>('button, [role="status"], [role="alert"], .no-print')];
            const saved = controls.map((control) => control.style.display);
            for (const control of controls) control.style.display = 'none';
            const text = (main as HTMLElement).innerText;
            controls.forEach((control, index) => (control.style.display = saved[index] ?? ''));
            return [text, ...fields].join('\n');
          });
          // Whole words, cut the way enteredWords cuts them, so "20" is not found inside "2001".
          const shownWords = new Set(shown.split(/\s+/).map((word) => word.replace(/[.,:;!?]+$/u, '')));
          const expected = words.filter((word) => shownWords.has(word));
          const name = `${path.split('/').filter(Boolean).slice(1).join('-') || 'home'}-${filled ? 'filled' : 'blank'}-${paper}.pdf`;
          const pdf = await printToPdf(page, testInfo.outputPath(name), paper);
          expect(topLines(pdf.pageText[0] ?? '', 4), `${path} heading on top`).toContain(heading);
          const flat = pdf.text.replace(/\s+/g, ' ');
          expect(
            expected.filter((word) => !flat.includes(word)),
            `${path}: words on screen but not on paper`,
          ).toEqual([]);
          if (!filled) expect(flat).not.toContain('noteword01');
          await expectNothingScreenOnly(page, pdf);
        }
      }
    });
  });
}

test('the print page ships no script but the one that reads the answers, and works without it', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto(`/${client.slug}/print/`);
  await expect(page.getByRole('heading', { level: 2, name: client.name })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Value chains' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  const scripts = await page.locator('script[src], script[type="module"]').count();
  expect(scripts).toBeLessThanOrEqual(1);
  await context.close();
});

test('the Print button opens the print dialog', async ({ page }) => {
  await page.addInitScript(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await page.goto(`/${client.slug}/print/`);
  await page.getByRole('button', { name: 'Print' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
});

test('the switch keeps the version in the address, so a link opens straight into it', async ({ page }) => {
  await seedAnswers(page);
  await page.goto(`/${client.slug}/print/`);
  await expect(page.getByText('sketching', { exact: false }).first()).toBeVisible();
  await page.getByRole('link', { name: 'Blank' }).click();
  await expect(page).toHaveURL(/\/print\/\?blank$/);
  await expect(page.getByText('sketching', { exact: false })).toHaveCount(0);
  await expect(page.getByText('Your own value').first()).toBeVisible();
  await page.getByRole('link', { name: 'My answers' }).click();
  await expect(page).toHaveURL(new RegExp(`/${client.slug}/print/$`));
  await expect(page.getByText('sketching', { exact: false }).first()).toBeVisible();
});
