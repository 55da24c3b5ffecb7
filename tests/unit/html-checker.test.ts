import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHtml, formatHtmlError } from '../../scripts/lib/vnu.ts';
import { moveIslandStyles } from '../../src/lib/island-styles.ts';

const ISLAND_STYLE = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';
const head = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Page</title></head>';
let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'html-checker-'));
  writeFileSync(join(folder, 'good.html'), `${head}<body><main><p>Fine.</p></main></body></html>`);
  writeFileSync(join(folder, 'bad.html'), `${head}<body>\n<p><div>Block in a paragraph</div></p>\n<img src="a.png"></body></html>`);
  writeFileSync(join(folder, 'island.html'), `${head}<body><main><p>Text</p>${ISLAND_STYLE}<astro-island></astro-island></main></body></html>`);
  writeFileSync(
    join(folder, 'moved.html'),
    moveIslandStyles(`${head}<body><main><p>Text</p>${ISLAND_STYLE}<astro-island></astro-island></main></body></html>`),
  );
  writeFileSync(join(folder, 'notes.txt'), 'not HTML <p>');
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the W3C Nu HTML checker', () => {
  it('reports each error with its file and line, and passes valid pages', async () => {
    const errors = await checkHtml([folder]);
    const byFile = (name: string) => errors.filter((error) => error.file === relative(process.cwd(), join(folder, name)));
    expect(byFile('good.html')).toEqual([]);
    expect(byFile('moved.html')).toEqual([]);
    expect(byFile('bad.html').map((error) => error.line)).toEqual([2, 3]);
    expect(formatHtmlError(byFile('bad.html')[1]!)).toMatch(
      /^error: .*bad\.html: line 3, column \d+: expected valid HTML, found An “img” element must have an “alt” attribute/,
    );
    expect(byFile('island.html').map((error) => error.message)).toEqual([expect.stringContaining('“style” element in “body”')]);
    expect(errors.every((error) => error.file.endsWith('.html'))).toBe(true);
  });
});

describe('island styles', () => {
  it('moves the island stylesheet from the body into the head, once', () => {
    const page = `${head}<body><p>One</p>${ISLAND_STYLE}<astro-island></astro-island>${ISLAND_STYLE}</body></html>`;
    const moved = moveIslandStyles(page);
    expect(moved).toBe(`${head.replace('</head>', `${ISLAND_STYLE}</head>`)}<body><p>One</p><astro-island></astro-island></body></html>`);
    expect(moveIslandStyles(moved)).toBe(moved);
    expect(moveIslandStyles(`${head}<body><p>No islands</p></body></html>`)).toBe(`${head}<body><p>No islands</p></body></html>`);
  });
});
