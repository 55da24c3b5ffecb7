import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { builtPages, builtSlugs, distDir } from '../../scripts/lib/pages.ts';
import { everyIslandHydrated, expect, test, watchPage } from './fixtures.ts';
import { clientThemes, filledAnswers, storedAnswers } from './sample-answers.ts';

// Every built page (client, coach and print pages alike), found by walking the build,
// checked by axe against WCAG 2.0, 2.1 and 2.2 A and AA: one pass per page and state, empty on a
// desktop and filled in on a phone (the narrowest layout, holding the most), so both widths are checked.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const VIEWPORTS: Record<string, BrowserContextOptions> = {
  'phone 390x844 touch': { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
  'desktop 1280x800': { viewport: { width: 1280, height: 800 } },
};

const pages = builtPages(distDir());
const seeds = builtSlugs(pages).flatMap((slug) => {
  const themes = clientThemes(slug);
  return themes ? [storedAnswers(slug, filledAnswers(themes))] : [];
});

test('the build has pages to check, and answers to fill them with', () => {
  expect(pages.length, `HTML pages in ${distDir()}`).toBeGreaterThan(0);
  expect(seeds.length, 'clients whose answers can be seeded').toBeGreaterThan(0);
});

/** Types into every empty text field a person could reach, so note fields and inputs are checked filled too. */
async function fillTextFields(page: Page) {
  const fields = page.getByRole('textbox');
  const count = Math.min(await fields.count(), 40);
  for (let index = 0; index < count; index += 1) {
    const field = fields.nth(index);
    if (!(await field.isVisible()) || !(await field.isEditable())) continue;
    if ((await field.inputValue().catch(() => 'not a form field')) !== '') continue;
    await field.fill('Notes in any script: é Ω Я 家 عربى');
  }
}

/** Opens what a page keeps folded away (a value's merge and rename controls, the order on each day), so axe checks it too. */
async function openFoldedControls(page: Page) {
  const merge = page.getByText('Merge or remove').filter({ visible: true });
  if ((await merge.count()) > 0) {
    await merge.first().click();
    const rename = page.getByRole('button', { name: /^Rename / }).filter({ visible: true });
    if ((await rename.count()) > 0) await rename.first().click();
  }
  const order = page.getByText('The order on each day').filter({ visible: true });
  if ((await order.count()) > 0) await order.first().click();
}

async function violations(browser: Browser, path: string, state: 'empty' | 'filled', viewportName: string, baseURL: string) {
  const context = await browser.newContext({ ...VIEWPORTS[viewportName], baseURL });
  try {
    if (state === 'filled') {
      await context.addInitScript((entries) => {
        for (const { key, value } of entries) window.localStorage.setItem(key, value);
      }, seeds);
    }
    const page = await context.newPage();
    const problems = watchPage(page, new URL(baseURL).origin);
    const response = await page.goto(path);
    expect(response?.status(), `${path} responds`).toBe(200);
    await everyIslandHydrated(page);
    if (state === 'filled') {
      await openFoldedControls(page);
      await fillTextFields(page);
    }
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const where = `${path} [${state}, ${viewportName}]`;
    return [
      ...results.violations.map((violation) => {
        const targets = violation.nodes.slice(0, 5).map((node) => node.target.join(' '));
        const more = violation.nodes.length > 5 ? ` and ${violation.nodes.length - 5} more` : '';
        return `${where}: ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help} at ${targets.join(', ')}${more}`;
      }),
      ...problems.pageErrors.map((message) => `${where}: uncaught error: ${message}`),
      ...problems.consoleErrors.map((message) => `${where}: console error: ${message}`),
      ...problems.foreignRequests.map((url) => `${where}: request to another origin: ${url}`),
    ];
  } finally {
    await context.close();
  }
}

/** Each state once, at the width where it is hardest: empty on a desktop, filled in on a phone. */
const PASSES = [
  { state: 'empty', viewportName: 'desktop 1280x800' },
  { state: 'filled', viewportName: 'phone 390x844 touch' },
] as const;

// A busy machine gets room to load, hydrate and fill a page.
test.describe.configure({ timeout: 120_000 });

for (const { path, kind } of pages) {
  test.describe(`${path} (${kind})`, () => {
    for (const { state, viewportName } of PASSES) {
      test(`has no WCAG A/AA violations, ${state}, ${viewportName}`, async ({ browser, baseURL }) => {
        const found = await violations(browser, path, state, viewportName, baseURL ?? 'http://127.0.0.1:4321');
        expect(found, `accessibility violations and page errors on ${path}`).toEqual([]);
      });
    }
  });
}
