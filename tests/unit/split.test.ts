import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLeaks, REVIEW_FOLDER, splitBuild, type SplitFolder } from '../../scripts/lib/split.ts';

const A = 'ann-aaaaaaaaaaaaaaaaaaaaaaaa';
const B = 'bo-bbbbbbbbbbbbbbbbbbbbbbbb';

let root: string;

function write(path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A miniature build: two clients, coach pages, shared and coach-only chunks. */
function fakeBuild() {
  write('dist/index.html', '<link rel="stylesheet" href="/wb/_astro/Base.1.css">');
  write('dist/favicon.svg', '<svg/>');
  write('dist/icons/app.png', 'png');
  write('public/favicon.svg', '<svg/>');
  write('public/icons/app.png', 'png');
  write('dist/_astro/Base.1.css', '@font-face{src:url(/wb/_astro/inter.2.woff2)}');
  write('dist/_astro/inter.2.woff2', 'font');
  write('dist/_astro/Share.3.js', 'import{a}from"./react.4.js";const w=()=>import("./fflate.5.js");');
  write('dist/_astro/react.4.js', 'export const a=1');
  write('dist/_astro/fflate.5.js', 'export const b=1');
  write('dist/_astro/Guide.6.js', 'import{a}from"./react.4.js";"Before the session"');
  write('dist/_astro/Review.7.js', 'import{a}from"./react.4.js";');
  for (const [slug, name] of [
    [A, 'Ann Ash'],
    [B, 'Bo Birch'],
  ] as const) {
    write(`dist/${slug}/index.html`, `<h1>${name}</h1><link href="/wb/_astro/Base.1.css"><astro-island component-url="/wb/_astro/Share.3.js">`);
    write(`dist/${slug}/notes/index.html`, `<h1>${name}</h1>`);
    write(`dist/${slug}/poster.png`, 'png');
    write(`dist/coach/${slug}/guide/index.html`, `<script src="/wb/_astro/Guide.6.js"></script>${name}`);
    write(`dist/coach/${slug}/review/index.html`, `<astro-island component-url="/wb/_astro/Review.7.js">${name}`);
  }
  write('dist/coach/index.html', `${A} ${B}`);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'split-'));
  fakeBuild();
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

async function split(onFolder?: (folder: SplitFolder) => void) {
  return splitBuild({ distDir: join(root, 'dist'), outDir: join(root, 'out'), slugs: [A, B], base: '/wb/', publicDir: join(root, 'public'), onFolder });
}

describe('splitBuild', () => {
  it('gives each client their pages, public files and only the assets their pages reach', async () => {
    const folders = await split();
    expect(folders.map((folder) => folder.slug ?? folder.kind)).toEqual([A, B, 'review']);
    expect(folders[0]!.files).toEqual([
      '.nojekyll',
      '_astro/Base.1.css',
      '_astro/Share.3.js',
      '_astro/fflate.5.js',
      '_astro/inter.2.woff2',
      '_astro/react.4.js',
      '_headers',
      `${A}/index.html`,
      `${A}/notes/index.html`,
      `${A}/poster.png`,
      'favicon.svg',
      'icons/app.png',
      'index.html',
      'robots.txt',
    ]);
    expect(readFileSync(join(root, 'out', A, `${A}/index.html`), 'utf8')).toContain('Ann Ash');
    expect(folders[0]!.bytes).toBeGreaterThan(0);
  });

  it('puts the review pages and the posters they show, and no other coach page, in the review folder', async () => {
    const review = (await split()).at(-1)!;
    expect(review.dir).toBe(join(root, 'out', REVIEW_FOLDER));
    expect(review.files.filter((file) => !['.nojekyll', '_headers', 'robots.txt', 'index.html', 'favicon.svg', 'icons/app.png'].includes(file))).toEqual([
      '_astro/Base.1.css',
      '_astro/Review.7.js',
      '_astro/inter.2.woff2',
      '_astro/react.4.js',
      `${A}/poster.png`,
      `${B}/poster.png`,
      `coach/${A}/review/index.html`,
      `coach/${B}/review/index.html`,
    ]);
  });

  it('writes the privacy files with the base in the asset rule', async () => {
    await split();
    const headers = readFileSync(join(root, 'out', B, '_headers'), 'utf8');
    expect(headers).toContain('/*\n  X-Robots-Tag: noindex');
    expect(headers).toContain('/wb/_astro/*\n  Cache-Control: public, max-age=31536000, immutable');
    expect(readFileSync(join(root, 'out', B, 'robots.txt'), 'utf8')).toMatch(/^Disallow:$/m);
  });

  it('calls onFolder once per finished folder, so other files can be added per folder', async () => {
    const seen: string[] = [];
    await split((folder) => {
      seen.push(`${folder.kind}:${folder.files.length}`);
      writeFileSync(join(folder.dir, 'sw.js'), '// per folder');
    });
    expect(seen).toEqual(['client:14', 'client:14', 'review:14']);
    expect(readFileSync(join(root, 'out', A, 'sw.js'), 'utf8')).toBe('// per folder');
  });
});

describe('findLeaks', () => {
  const secrets = [
    {
      slug: A,
      strings: [
        { text: A, kind: 'slug' as const },
        { text: 'Ann Ash', kind: 'name' as const },
        { text: "I'd rather walk", kind: 'evidence quote' as const },
      ],
    },
    {
      slug: B,
      strings: [
        { text: B, kind: 'slug' as const },
        { text: 'Bo Birch', kind: 'name' as const },
      ],
    },
  ];

  it('finds nothing in clean folders', async () => {
    expect(await findLeaks(await split(), secrets)).toEqual([]);
  });

  it('names the file and whose string leaked, HTML-escaped forms included', async () => {
    const folders = await split();
    writeFileSync(join(root, 'out', B, `${B}/notes/index.html`), '<p>I&#39;d rather walk</p>');
    writeFileSync(join(root, 'out', B, 'index.html'), `<a href="/${A}/">x</a>`);
    const leaks = await findLeaks(folders, secrets);
    expect(leaks.map((leak) => `${leak.file}: ${leak.what}`).sort()).toEqual([`${B}/notes/index.html: ${A} (evidence quote)`, `index.html: ${A} (slug)`]);
  });
});
