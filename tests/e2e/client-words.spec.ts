import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, sampleClient, test } from './fixtures.ts';
import { clientThemes, filledAnswers, storedAnswers } from './sample-answers.ts';

// A client must never meet a word that belongs to a developer. This reads every
// client page of the built sample, empty and filled in, the way a person and a
// screen reader meet it (text, labels, alternative text, the tab title), and fails
// on any of those words.
const dist = process.env.DIST_DIR ?? 'dist';
const client = sampleClient();

/** Each developer word, and the pattern that finds it in a page's text. */
const DEVELOPER_WORDS: Array<[string, RegExp]> = [
  ['slug', /\bslugs?\b/i],
  ['island', /\bislands?\b/i],
  ['store', /\bstores?\b/i],
  ['JSON', /\bjson\b/i],
  ['localStorage', /local\s*storage/i],
  ['fragment', /\bfragments?\b/i],
  ['the part after the #', /after the\s*[`'"“‘]?#/i],
  ['npm', /\bnpm\b/i],
  ['src/', /\bsrc\//i],
  ['a file path', /[\w-]+\/[\w.-]+\.(?:ya?ml|mdx?|tsx?|astro|json)\b/i],
  ['a field path', /\b[a-z]\w*(?:\.[a-z]\w*)*\[\d+\]/i],
  ['error:', /\berror:/i],
];

/** Every page under the client's folder of the build. */
function clientPages(): string[] {
  const root = join(dist, client.slug);
  const pages = [`/${client.slug}/`];
  for (const name of readdirSync(root).sort()) {
    if (statSync(join(root, name)).isDirectory() && readdirSync(join(root, name)).includes('index.html')) pages.push(`/${client.slug}/${name}/`);
  }
  return pages;
}

/** What a person or a screen reader meets on the page. */
async function pageWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const hidden of body.querySelectorAll('script, style, template')) hidden.remove();
    const attributes = [...document.body.querySelectorAll('[aria-label], [alt], [title], [placeholder], [aria-description]')].flatMap((element) =>
      ['aria-label', 'alt', 'title', 'placeholder', 'aria-description'].map((name) => element.getAttribute(name) ?? ''),
    );
    return [document.title, body.textContent ?? '', ...attributes].join('\n');
  });
}

function developerWordsIn(text: string): string[] {
  return DEVELOPER_WORDS.filter(([, pattern]) => pattern.test(text)).map(([word, pattern]) => `${word}: “${pattern.exec(text)?.[0]}”`);
}

test('the word list catches what it is meant to', () => {
  expect(developerWordsIn('Answers travel in the fragment, the part after the `#`.')).toEqual(['fragment: “fragment”', 'the part after the #: “after the `#”']);
  expect(developerWordsIn('error: answers.json: data.values[0].label: expected text')).toEqual([
    'JSON: “json”',
    'a field path: “data.values[0]”',
    'error:: “error:”',
  ]);
  expect(developerWordsIn('Edit src/content/clients/maya.yaml, then run npm run build.')).toHaveLength(3);
  expect(developerWordsIn('Your answers are saved in this browser only. Ranked on 3 days.')).toEqual([]);
});

for (const state of ['empty', 'filled in'] as const) {
  test(`no client page shows a developer word, with the workbook ${state}`, async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext();
    if (state === 'filled in') {
      const themes = clientThemes(client.slug) ?? client.themes;
      const stored = storedAnswers(client.slug, filledAnswers(themes));
      await context.addInitScript(({ key, value }) => {
        if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
      }, stored);
    }
    const page = await context.newPage();
    const pages = clientPages();
    expect(pages.length).toBeGreaterThanOrEqual(7);
    const found: string[] = [];
    for (const path of pages) {
      await page.goto(path, { waitUntil: 'networkidle' });
      if (state === 'filled in' && path.endsWith('/rank/')) await expect(page.getByText('Ranked on 2 days', { exact: false })).toBeVisible();
      for (const word of developerWordsIn(await pageWords(page))) found.push(`${path}: ${word}`);
    }
    expect(found).toEqual([]);
    await context.close();
  });
}
