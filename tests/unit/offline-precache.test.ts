import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BuiltSite } from '../../src/offline/built-site.ts';
import {
  LAZY_PRECACHE_LIMIT,
  clientFolders,
  normalizePrefix,
  selectPrecache,
  writeServiceWorker,
  writeServiceWorkers,
} from '../../src/offline/service-worker.ts';

const ana = 'ana-k3m9x2p7q4w8z1r5t6y0';
const boris = 'boris-v8n2b5c7x1z3l9k4j6h0';
const folders: string[] = [];

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A small built site, shaped like Astro's output, served at `prefix`. */
function builtSite(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'workbook-precache-'));
  folders.push(dir);
  const big = 'x'.repeat(LAZY_PRECACHE_LIMIT + 1);
  const files: Record<string, string> = {
    'favicon.svg': '<svg/>',
    'icon-192.png': 'png',
    'index.html': '<p>Nothing to see</p>',
    // One face for every character, and slices for Japanese (自由) and Cyrillic, as Fontsource writes them.
    '_astro/Base.css': [
      `@font-face{src:url(${prefix}_astro/inter.woff2) format("woff2"),url(${prefix}_astro/inter.woff) format("woff")}`,
      `@font-face{src:url(${prefix}_astro/jp-1.woff2) format("woff2");unicode-range:U+7531,U+81EA}`,
      `@font-face{src:url(${prefix}_astro/cyr.woff2) format("woff2");unicode-range:U+400-45F}`,
    ].join(''),
    '_astro/jp-1.woff2': 'font',
    '_astro/cyr.woff2': 'font',
    '_astro/inter.woff2': 'font',
    '_astro/inter.woff': 'old font',
    '_astro/page.js': `import{a as s}from"./shared.js";const l=()=>import("./small.js"),e=()=>import("./engine.js"),w="${prefix}_astro/layout.wasm";`,
    '_astro/shared.js': 'export const a=1;',
    '_astro/small.js': 'export const b=2;',
    '_astro/engine.js': `import"./engine-part.js";${big}`,
    '_astro/engine-part.js': 'export const c=3;',
    '_astro/layout.wasm': big,
    '_astro/coach.js': 'export const d=4;',
    [`${ana}/index.html`]: `<link rel="stylesheet" href="${prefix}_astro/Base.css"><link rel="icon" href="${prefix}favicon.svg"><script type="module" src="${prefix}_astro/page.js"></script><a href="${prefix}${ana}/notes/">Notes</a><a href="${prefix}">Start</a><img src="${prefix}${boris}/poster.png" alt="">`,
    [`${ana}/notes/index.html`]: `<link rel="stylesheet" href="${prefix}_astro/Base.css"><a href="${prefix}coach/">x</a>`,
    [`${ana}/manifest.webmanifest`]: JSON.stringify({ icons: [{ src: `${prefix}icon-192.png` }, { src: 'https://elsewhere.example/icon.png' }] }),
    [`${ana}/poster.png`]: 'png',
    [`${boris}/index.html`]: `<link rel="stylesheet" href="${prefix}_astro/Base.css"><script type="module" src="${prefix}_astro/page.js"></script><h1>&#33258;由</h1>`,
    [`${boris}/manifest.webmanifest`]: '{}',
    [`${boris}/poster.png`]: 'png',
    'coach/index.html': `<script type="module" src="${prefix}_astro/coach.js"></script>`,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('choosing what a client’s service worker precaches', () => {
  it('normalizes the URL prefix', () => {
    expect(normalizePrefix()).toBe('/');
    expect(normalizePrefix('')).toBe('/');
    expect(normalizePrefix('workbooks')).toBe('/workbooks/');
    expect(normalizePrefix('/a/b//')).toBe('/a/b/');
  });

  it('finds client folders by their manifest', () => {
    const dir = builtSite('/');
    expect(clientFolders(dir)).toEqual([ana, boris]);
  });

  for (const prefix of ['/', '/workbooks/']) {
    it(`takes the client's own files and what their pages load, nothing else (served at ${prefix})`, async () => {
      const dir = builtSite(prefix);
      const site = await BuiltSite.open(dir, prefix);
      const selection = selectPrecache(site, ana);
      expect(selection.own).toEqual([`${ana}/index.html`, `${ana}/manifest.webmanifest`, `${ana}/notes/index.html`, `${ana}/poster.png`]);
      expect(selection.shared).toEqual([
        '_astro/Base.css',
        '_astro/engine-part.js',
        '_astro/inter.woff2',
        '_astro/page.js',
        '_astro/shared.js',
        '_astro/small.js',
        'favicon.svg',
        // Named by Ana's manifest only: Boris's is empty.
        'icon-192.png',
      ]);
      expect(selectPrecache(site, boris).shared).not.toContain('icon-192.png');
      // Big files a page loads on demand, and fonts for characters her pages do not have, are cached on first use instead.
      expect(selection.onDemand).toEqual(['_astro/cyr.woff2', '_astro/engine.js', '_astro/inter.woff', '_astro/jp-1.woff2', '_astro/layout.wasm']);
    });
  }

  it('precaches the font slices for the characters of each client’s own pages', async () => {
    const site = await BuiltSite.open(builtSite('/'));
    const forBoris = selectPrecache(site, boris);
    expect(forBoris.shared).toEqual(expect.arrayContaining(['_astro/inter.woff2', '_astro/jp-1.woff2']));
    expect(forBoris.shared).not.toContain('_astro/cyr.woff2');
    expect(forBoris.onDemand).toContain('_astro/cyr.woff2');
    expect(selectPrecache(site, ana).shared).not.toContain('_astro/jp-1.woff2');
  });

  it('writes a service worker whose list names only that client and shared files, under the prefix', async () => {
    const dir = builtSite('/workbooks/');
    const result = await writeServiceWorker({ dir, slug: ana, urlPrefix: '/workbooks' });
    expect(result.file).toBe(join(dir, ana, 'sw.js'));
    const sw = readFileSync(result.file, 'utf8');
    expect(sw).not.toContain('self.__WB_MANIFEST');
    expect(sw).not.toContain(boris);
    expect(result.urls).toContain(`/workbooks/${ana}/index.html`);
    expect(result.urls).toContain('/workbooks/_astro/page.js');
    expect(result.urls).toContain('/workbooks/favicon.svg');
    for (const url of result.urls) {
      expect(
        url.startsWith(`/workbooks/${ana}/`) || url.startsWith('/workbooks/_astro/') || ['/workbooks/favicon.svg', '/workbooks/icon-192.png'].includes(url),
        url,
      ).toBe(true);
      expect(sw).toContain(`"url":"${url}"`);
    }
    // Hashed build files are versioned by their names; the client's pages and the icons at the top by their content.
    expect(sw).toContain('{"revision":null,"url":"/workbooks/_astro/page.js"}');
    expect(sw).toMatch(new RegExp(`\\{"revision":"[0-9a-f]{32}","url":"/workbooks/${ana}/index.html"\\}`));
    expect(sw).toMatch(/\{"revision":"[0-9a-f]{32}","url":"\/workbooks\/favicon\.svg"\}/);

    // Running it again never lists the service worker itself.
    const again = await writeServiceWorker({ dir, slug: ana, urlPrefix: '/workbooks/' });
    expect(again.urls).toEqual(result.urls);
    expect(existsSync(join(dir, boris, 'sw.js'))).toBe(false);
  });

  it('writes the same service workers for every client at once, reading shared files once, as one at a time', async () => {
    const dir = builtSite('/workbooks/');
    const alone = new Map<string, string>();
    for (const slug of [ana, boris]) {
      const result = await writeServiceWorker({ dir, slug, urlPrefix: '/workbooks/' });
      alone.set(slug, readFileSync(result.file, 'utf8'));
      rmSync(result.file);
    }
    const together = await writeServiceWorkers(dir, '/workbooks/');
    expect([...together.keys()]).toEqual([ana, boris]);
    for (const [slug, result] of together) expect(readFileSync(result.file, 'utf8'), slug).toBe(alone.get(slug));
    // Only Ana's page links the favicon, so only her list has it.
    expect(together.get(ana)?.urls).toContain('/workbooks/favicon.svg');
    expect(together.get(boris)?.urls).not.toContain('/workbooks/favicon.svg');
    expect(together.get(boris)?.urls.some((url) => url.includes(ana))).toBe(false);
  });

  it('refuses a folder that is not a built client folder, in one line', async () => {
    const dir = builtSite('/');
    await expect(writeServiceWorker({ dir, slug: 'coach' })).rejects.toThrow(
      `error: ${join(dir, 'coach')}: manifest.webmanifest: expected a built client folder with its web app manifest, found none`,
    );
  });
});
