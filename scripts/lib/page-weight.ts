import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { BuiltSite, pageReferences } from '../../src/offline/built-site.ts';
import type { BuiltPage } from './pages.ts';

/** Bytes of one file or text: as stored, gzipped (level 9) and brotli-compressed (quality 11), as a static host would precompress it. */
export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

/** One script, stylesheet or wasm file a page loads, or one inline script or style block. */
export interface Asset {
  /** The URL path inside the site (`/_astro/client.abc.js`), or `inline script #n` / `inline style #n`. */
  url: string;
  type: 'js' | 'css' | 'wasm';
  sizes: Sizes;
  /** Part of the poster engine (satori and its layout wasm), which only the poster page may load. */
  posterEngine: boolean;
}

/** What one page makes a browser download, split into what it loads at once and what it may load later. */
export interface PageWeight {
  page: BuiltPage;
  /** Number of `<astro-island>` elements: the page's hydrated components. */
  islands: number;
  html: Sizes;
  /** Stylesheets and `<style>` blocks. */
  css: Sizes;
  cssAssets: Asset[];
  /** Scripts run on load: `<script>` (inline or src), modulepreload links, island components and renderers, and everything they import statically. */
  js: Sizes;
  jsAssets: Asset[];
  /** Files reachable only through dynamic `import()` or an asset URL in a script: loaded when needed, if ever. */
  lazy: Asset[];
  /** URLs the page refers to that are not in the built folder. */
  missing: string[];
}

const EMPTY: Sizes = { raw: 0, gzip: 0, brotli: 0 };
/** A string only satori's code contains, in its standalone and bundled builds alike. */
const SATORI_FINGERPRINT = 'The layout engine is not initialized.';

export function measure(content: Buffer | string): Sizes {
  const buffer = typeof content === 'string' ? Buffer.from(content) : content;
  if (buffer.length === 0) return { ...EMPTY };
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
    }).length,
  };
}

export function addSizes(list: readonly Sizes[]): Sizes {
  return list.reduce((sum, item) => ({ raw: sum.raw + item.raw, gzip: sum.gzip + item.gzip, brotli: sum.brotli + item.brotli }), { ...EMPTY });
}

export { attributes, pageReferences, type PageReferences } from '../../src/offline/built-site.ts';

export interface WeighOptions {
  /** The built folder. */
  dist: string;
  /** The base path the site was built for, such as `/` or `/workbooks/`. */
  base?: string;
}

/**
 * Weighs pages of one built site. Files shared between pages are read and
 * compressed once per instance, so weighing every page of a large site stays quick.
 */
export class PageWeigher {
  readonly #site: BuiltSite;
  readonly #files = new Map<string, { sizes: Sizes; posterEngine: boolean } | null>();

  constructor(site: BuiltSite) {
    this.#site = site;
  }

  /** Turns a URL found at `from` (a URL path under the base) into a path inside the site (`/_astro/x.js`), or undefined for another origin. */
  resolve(url: string, from: string): string | undefined {
    const at = from.startsWith(this.#site.base) ? from.slice(this.#site.base.length) : from.replace(/^\/+/, '');
    const target = this.#site.resolve(url, at);
    return target === undefined ? undefined : `/${target}`;
  }

  #file(sitePath: string) {
    if (this.#files.has(sitePath)) return this.#files.get(sitePath) ?? null;
    const content = this.#site.read(sitePath.slice(1));
    const entry = content
      ? { sizes: measure(content), posterEngine: sitePath.endsWith('.wasm') || (/\.m?js$/.test(sitePath) && content.includes(SATORI_FINGERPRINT)) }
      : null;
    this.#files.set(sitePath, entry);
    return entry;
  }

  /** The module imports of one script file: static ones run with it; dynamic ones, and scripts and wasm named in strings, only when asked for. */
  #importsOf(sitePath: string): { static: string[]; dynamic: string[] } {
    if (!/\.m?js$/.test(sitePath)) return { static: [], dynamic: [] };
    const found = this.#site.script(sitePath.slice(1));
    return {
      static: found.static.map((path) => `/${path}`),
      dynamic: found.dynamic.filter((path) => /\.(m?js|wasm)$/.test(path)).map((path) => `/${path}`),
    };
  }

  #asset(sitePath: string): Asset | undefined {
    const file = this.#file(sitePath);
    if (!file) return undefined;
    const type = sitePath.endsWith('.css') ? 'css' : sitePath.endsWith('.wasm') ? 'wasm' : 'js';
    return { url: sitePath, type, sizes: file.sizes, posterEngine: file.posterEngine };
  }

  /** Weighs one page: its HTML, its CSS, the JavaScript it runs on load, and what it can load later. */
  weigh(page: BuiltPage): PageWeight {
    const html = readFileSync(page.file);
    const refs = pageReferences(html.toString('utf8'));
    const at = page.path;
    const missing: string[] = [];

    const initial = new Set<string>();
    const queue: string[] = [];
    for (const url of refs.scripts) {
      const target = this.resolve(url, at);
      if (!target || !this.#file(target)) missing.push(url);
      else if (!initial.has(target)) {
        initial.add(target);
        queue.push(target);
      }
    }
    const later: string[] = [];
    while (queue.length > 0) {
      const current = queue.shift() as string;
      const imports = this.#importsOf(current);
      for (const target of imports.static) {
        if (!this.#file(target)) missing.push(target);
        else if (!initial.has(target)) {
          initial.add(target);
          queue.push(target);
        }
      }
      later.push(...imports.dynamic);
    }

    const lazy = new Set<string>();
    const lazyQueue = later.filter((path) => !initial.has(path));
    while (lazyQueue.length > 0) {
      const current = lazyQueue.shift() as string;
      if (lazy.has(current) || initial.has(current)) continue;
      lazy.add(current);
      const imports = this.#importsOf(current);
      lazyQueue.push(...imports.static, ...imports.dynamic);
    }

    const inlineJs: Asset[] = refs.inlineScripts.map((code, index) => ({
      url: `inline script #${index + 1}`,
      type: 'js',
      sizes: measure(code),
      posterEngine: code.includes(SATORI_FINGERPRINT),
    }));
    const jsAssets = [...inlineJs, ...[...initial].map((path) => this.#asset(path)).filter((asset): asset is Asset => asset !== undefined)];

    const cssAssets: Asset[] = refs.inlineStyles.map((css, index) => ({
      url: `inline style #${index + 1}`,
      type: 'css',
      sizes: measure(css),
      posterEngine: false,
    }));
    for (const url of refs.stylesheets) {
      const target = this.resolve(url, at);
      const asset = target ? this.#asset(target) : undefined;
      if (asset) cssAssets.push(asset);
      else missing.push(url);
    }

    return {
      page,
      islands: refs.islands,
      html: measure(html),
      css: addSizes(cssAssets.map((asset) => asset.sizes)),
      cssAssets,
      js: addSizes(jsAssets.filter((asset) => asset.type === 'js').map((asset) => asset.sizes)),
      jsAssets,
      lazy: [...lazy].map((path) => this.#asset(path)).filter((asset): asset is Asset => asset !== undefined),
      missing: [...new Set(missing)],
    };
  }
}

/** Prepares the module lexer; call once before weighing. */
export async function initWeigher(options: WeighOptions): Promise<PageWeigher> {
  return new PageWeigher(await BuiltSite.open(options.dist, options.base));
}

/** Formats a byte count for people: `0 B`, `812 B`, `61.9 KB` (1 KB = 1000 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

/** One script a built page runs: inline, or a file with the modules it imports statically. */
export interface PageScript {
  /** `inline #n` or the file's path inside the built folder. */
  name: string;
  /** The script's text, with the text of its static imports after it. */
  text: string;
  /** Bytes sent gzipped: each file compressed on its own, as a server would. */
  gzip: number;
}

/** The scripts one built page (`rel`, its HTML file's path in the site) runs on load, for checks that look inside them. */
export function pageScripts(site: BuiltSite, rel: string): PageScript[] {
  const refs = site.page(rel);
  const scripts: PageScript[] = refs.inlineScripts.map((text, index) => ({ name: `inline #${index + 1}`, text, gzip: measure(text).gzip }));
  for (const url of refs.scripts) {
    const first = site.resolve(url, rel);
    if (!first) continue;
    const seen = new Set<string>();
    const queue = [first];
    let text = '';
    let gzip = 0;
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      if (seen.has(file)) continue;
      seen.add(file);
      const code = site.read(file);
      if (!code) continue;
      text += code.toString('utf8');
      gzip += measure(code).gzip;
      queue.push(...site.script(file).static);
    }
    scripts.push({ name: first, text, gzip });
  }
  return scripts;
}
