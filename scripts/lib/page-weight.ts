import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';
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
/** Script types a browser runs; JSON, import maps and speculation rules are data, not code. */
const EXECUTABLE = new Set(['', 'module', 'text/javascript', 'application/javascript', 'module/javascript']);
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

/** Reads the attributes of one start tag into a map (names lowercased, entities in values decoded). */
export function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  const inner = tag.replace(/^<[^\s>]+/, '').replace(/\/?>$/, '');
  for (const match of inner.matchAll(pattern)) {
    const name = match[1]?.toLowerCase();
    if (!name) continue;
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    found.set(
      name,
      value
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    );
  }
  return found;
}

/** Start tags named `name` in a piece of HTML, with quoted attribute values allowed to hold `>`. */
function startTags(html: string, name: string): Map<string, string>[] {
  const pattern = new RegExp(`<${name}\\b(?:[^>"']|"[^"]*"|'[^']*')*>`, 'gi');
  return [...html.matchAll(pattern)].map((match) => attributes(match[0]));
}

/** Everything a page's HTML itself asks for, before following imports. */
export interface PageReferences {
  islands: number;
  /** Script URLs run at load: script src, modulepreload, island component, renderer and before-hydration URLs. */
  scripts: string[];
  inlineScripts: string[];
  stylesheets: string[];
  inlineStyles: string[];
}

/** Lists the scripts, styles and islands one HTML page refers to. */
export function pageReferences(html: string): PageReferences {
  const scripts: string[] = [];
  const inlineScripts: string[] = [];
  const scriptPattern = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gi;
  for (const match of html.matchAll(scriptPattern)) {
    const attrs = attributes(`<script ${match[1] ?? ''}>`);
    const type = (attrs.get('type') ?? '').trim().toLowerCase();
    if (!EXECUTABLE.has(type)) continue;
    const src = attrs.get('src');
    if (src) scripts.push(src);
    else if ((match[2] ?? '').trim() !== '') inlineScripts.push(match[2] ?? '');
  }
  // Script bodies can mention tags in strings; look for elements only in the rest.
  const markup = html.replace(scriptPattern, '');
  const stylesheets: string[] = [];
  for (const link of startTags(markup, 'link')) {
    const rel = (link.get('rel') ?? '').toLowerCase().split(/\s+/);
    const href = link.get('href');
    if (!href) continue;
    if (rel.includes('modulepreload')) scripts.push(href);
    else if (rel.includes('stylesheet')) stylesheets.push(href);
  }
  const islands = startTags(markup, 'astro-island');
  for (const island of islands) {
    for (const name of ['component-url', 'renderer-url', 'before-hydration-url']) {
      const url = island.get(name);
      if (url) scripts.push(url);
    }
  }
  const inlineStyles = [...markup.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map((match) => match[1] ?? '').filter((css) => css.trim() !== '');
  return { islands: islands.length, scripts: [...new Set(scripts)], inlineScripts, stylesheets: [...new Set(stylesheets)], inlineStyles };
}

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
  readonly #dist: string;
  readonly #base: string;
  readonly #files = new Map<string, { content: Buffer; sizes: Sizes; posterEngine: boolean } | null>();
  readonly #imports = new Map<string, { static: string[]; dynamic: string[] }>();

  constructor(options: WeighOptions) {
    this.#dist = options.dist;
    this.#base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  }

  /** Turns a URL found at `from` into a path inside the site (`/_astro/x.js`), or undefined for another origin. */
  resolve(url: string, from: string): string | undefined {
    let parsed: URL;
    try {
      parsed = new URL(url, new URL(from, 'http://site.invalid'));
    } catch {
      return undefined;
    }
    if (parsed.origin !== 'http://site.invalid') return undefined;
    const path = decodeURIComponent(parsed.pathname);
    if (path.startsWith(this.#base)) return `/${path.slice(this.#base.length)}`;
    return path;
  }

  #file(sitePath: string) {
    if (this.#files.has(sitePath)) return this.#files.get(sitePath) ?? null;
    const full = join(this.#dist, sitePath);
    let entry: { content: Buffer; sizes: Sizes; posterEngine: boolean } | null = null;
    if (existsSync(full) && statSync(full).isFile()) {
      const content = readFileSync(full);
      const posterEngine = sitePath.endsWith('.wasm') || (/\.m?js$/.test(sitePath) && content.includes(SATORI_FINGERPRINT));
      entry = { content, sizes: measure(content), posterEngine };
    }
    this.#files.set(sitePath, entry);
    return entry;
  }

  /** The module imports of one script file: static ones run with it, dynamic ones and asset URLs only when asked for. */
  #importsOf(sitePath: string): { static: string[]; dynamic: string[] } {
    const known = this.#imports.get(sitePath);
    if (known) return known;
    const file = this.#file(sitePath);
    const result = { static: [] as string[], dynamic: [] as string[] };
    if (file && /\.m?js$/.test(sitePath)) {
      const code = file.content.toString('utf8');
      const at = `${this.#base}${sitePath.slice(1)}`;
      try {
        const [imports] = parse(code);
        for (const entry of imports) {
          if (!entry.n) continue;
          const target = this.resolve(entry.n, at);
          if (!target) continue;
          if (entry.t === 2) result.dynamic.push(target);
          else if (entry.t === 1 || entry.t === 4) result.static.push(target);
        }
      } catch {
        // Not an ES module the lexer understands: only asset URLs below are followed.
      }
      // Bundlers name lazily loaded chunks and assets in plain strings, relative to the script or to the site.
      for (const match of code.matchAll(/["'`]((?:\.{0,2}\/)?(?:[\w@%+~.-]+\/)*[\w@%+~.-]+\.(?:m?js|wasm))["'`]/g)) {
        const name = match[1] ?? '';
        for (const candidate of [this.resolve(name, at), this.resolve(name, this.#base)]) {
          if (candidate && candidate !== sitePath && this.#file(candidate)) {
            result.dynamic.push(candidate);
            break;
          }
        }
      }
    }
    result.static = [...new Set(result.static)];
    result.dynamic = [...new Set(result.dynamic)].filter((path) => !result.static.includes(path));
    this.#imports.set(sitePath, result);
    return result;
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
    const at = `${this.#base}${page.path.slice(1)}`;
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
  await init;
  return new PageWeigher(options);
}

/** Formats a byte count for people: `0 B`, `812 B`, `61.9 KB` (1 KB = 1000 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}
