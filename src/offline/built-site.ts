/**
 * One model of a built site: what each page loads, read from the files Astro
 * wrote. Pages name scripts, styles, icons and islands; styles name fonts (with
 * the characters each one draws) and images; scripts import other scripts, at
 * once or on demand, and name assets (wasm, JSON) in plain strings. The
 * precache list (src/offline/service-worker.ts), the split into per-client
 * folders (scripts/lib/split.ts) and the size budgets (scripts/lib/page-weight.ts)
 * all read the site through this one model.
 *
 * Paths are relative to the built folder, with `/` separators: `_astro/x.js`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { init, parse } from 'es-module-lexer';

/** Script types a browser runs; JSON, import maps and speculation rules are data, not code. */
const EXECUTABLE = new Set(['', 'module', 'text/javascript', 'application/javascript', 'module/javascript']);
/** Text files whose references the model follows. */
const TEXT = /\.(html|css|js|mjs|json|svg|webmanifest)$/i;

/** A closed range of code points, `[first, last]`. */
export type CodeRange = readonly [number, number];

/** Everything one HTML page asks for itself, before following what those files load. */
export interface PageReferences {
  /** Number of `<astro-island>` elements: the page's hydrated components. */
  islands: number;
  /** Script URLs run at load: script src, modulepreload, island component, renderer and before-hydration URLs. */
  scripts: string[];
  inlineScripts: string[];
  stylesheets: string[];
  inlineStyles: string[];
  /** Every other URL in an attribute: icons, the manifest, images, links to other pages. */
  other: string[];
}

/** What one CSS file loads: fonts with the characters they draw, and other files. */
export interface StyleReferences {
  fonts: Array<{ path: string; format: string; range: CodeRange[] | undefined }>;
  other: string[];
}

/** What one script loads: with itself (static imports) and later (dynamic imports, asset URLs in strings). */
export interface ScriptReferences {
  static: string[];
  dynamic: string[];
}

/** Reads the attributes of one start tag into a map (names lowercased, entities in values decoded). */
export function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  const inner = tag.replace(/^<[^\s>]+/, '').replace(/\/?>$/, '');
  for (const match of inner.matchAll(pattern)) {
    const name = match[1]?.toLowerCase();
    if (!name) continue;
    found.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return found;
}

/** Decodes the character references Astro writes: numeric ones and the five named ones. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|quot|apos|lt|gt|amp);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return codePoint(Number.parseInt(lower.slice(2), 16), whole);
    if (lower.startsWith('#')) return codePoint(Number.parseInt(lower.slice(1), 10), whole);
    return { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' }[lower] ?? whole;
  });
}

function codePoint(value: number, fallback: string): string {
  return Number.isInteger(value) && value >= 0 && value <= 0x10ffff ? String.fromCodePoint(value) : fallback;
}

const SCRIPT = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gi;

/** Start tags in a piece of HTML, with quoted attribute values allowed to hold `>`. */
function startTags(html: string, name: string): Array<Map<string, string>> {
  const pattern = new RegExp(`<${name}\\b(?:[^>"']|"[^"]*"|'[^']*')*>`, 'gi');
  return [...html.matchAll(pattern)].map((match) => attributes(match[0]));
}

/** Lists the scripts, styles, islands and other files one HTML page refers to. */
export function pageReferences(html: string): PageReferences {
  const scripts: string[] = [];
  const inlineScripts: string[] = [];
  for (const match of html.matchAll(SCRIPT)) {
    const attrs = attributes(`<script ${match[1] ?? ''}>`);
    if (!EXECUTABLE.has((attrs.get('type') ?? '').trim().toLowerCase())) continue;
    const src = attrs.get('src');
    if (src) scripts.push(src);
    else if ((match[2] ?? '').trim() !== '') inlineScripts.push(match[2] ?? '');
  }
  // Script bodies can mention tags in strings; look for elements only in the rest.
  const markup = html.replace(SCRIPT, '');
  const stylesheets: string[] = [];
  const other: string[] = [];
  for (const link of startTags(markup, 'link')) {
    const rel = (link.get('rel') ?? '').toLowerCase().split(/\s+/);
    const href = link.get('href');
    if (!href) continue;
    if (rel.includes('modulepreload')) scripts.push(href);
    else if (rel.includes('stylesheet')) stylesheets.push(href);
    else if (!rel.includes('canonical') && !rel.includes('alternate')) other.push(href);
  }
  const islands = startTags(markup, 'astro-island');
  for (const island of islands) {
    for (const name of ['component-url', 'renderer-url', 'before-hydration-url']) {
      const url = island.get(name);
      if (url) scripts.push(url);
    }
  }
  for (const name of ['img', 'source', 'image', 'use', 'video', 'audio', 'object', 'embed']) {
    for (const tag of startTags(markup, name)) {
      for (const attr of ['src', 'href', 'xlink:href', 'poster', 'data']) {
        const url = tag.get(attr);
        if (url) other.push(url);
      }
      const srcset = tag.get('srcset');
      if (srcset)
        other.push(
          ...srcset
            .split(',')
            .map((item) => item.trim().split(/\s+/)[0] ?? '')
            .filter(Boolean),
        );
    }
  }
  const inlineStyles = [...markup.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map((match) => match[1] ?? '').filter((css) => css.trim() !== '');
  return {
    islands: islands.length,
    scripts: [...new Set(scripts)],
    inlineScripts,
    stylesheets: [...new Set(stylesheets)],
    inlineStyles,
    other: [...new Set(other)],
  };
}

/** `U+0-FF, U+131, U+4??` as code point ranges; undefined when there is none (the font draws everything). */
export function parseUnicodeRange(value: string | undefined): CodeRange[] | undefined {
  if (!value) return undefined;
  const ranges: CodeRange[] = [];
  for (const part of value.split(',')) {
    const match = /^\s*u\+([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?\s*$/i.exec(part);
    if (!match) continue;
    const first = match[1] ?? '';
    if (first.includes('?')) ranges.push([Number.parseInt(first.replace(/\?/g, '0'), 16), Number.parseInt(first.replace(/\?/g, 'f'), 16)]);
    else ranges.push([Number.parseInt(first, 16), Number.parseInt(match[2] ?? first, 16)]);
  }
  return ranges.length > 0 ? ranges : undefined;
}

/** Whether any character of `text` (a set of code points) falls in `ranges`. */
export function drawsAny(ranges: readonly CodeRange[] | undefined, codePoints: ReadonlySet<number>): boolean {
  if (!ranges) return true;
  for (const point of codePoints) {
    for (const [first, last] of ranges) if (point >= first && point <= last) return true;
  }
  return false;
}

/** The code points of a page's text and attribute values, character references decoded. */
export function pageCodePoints(html: string, into = new Set<number>()): Set<number> {
  const text = decodeEntities(html.replace(SCRIPT, ' ').replace(/<style\b[\s\S]*?<\/style\s*>/gi, ' '));
  for (const char of text) into.add(char.codePointAt(0) ?? 0);
  return into;
}

function filesUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) found.push(path);
    }
  };
  if (existsSync(root)) walk(root);
  return found;
}

/** `/`, `/workbooks/`: a URL path with one slash at each end. */
export function normalizePrefix(prefix = '/'): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** What a set of pages loads: at once, and only when asked for. */
export interface Reach {
  /** Files loaded with the pages: scripts run at load and their static imports, styles, what styles and pages name. */
  load: Set<string>;
  /** Files loaded later: dynamic imports and what they load, assets named in scripts. */
  later: Set<string>;
  /** References to files the build does not have, as written. */
  missing: string[];
}

/**
 * A built folder served under `base`. Files are read once per instance and every
 * file's references are worked out once, so a site with many clients stays quick.
 */
export class BuiltSite {
  readonly dir: string;
  readonly base: string;
  readonly #contents = new Map<string, Buffer | null>();
  readonly #scripts = new Map<string, ScriptReferences>();
  readonly #styles = new Map<string, StyleReferences>();
  readonly #pages = new Map<string, PageReferences>();

  private constructor(dir: string, base: string) {
    this.dir = dir;
    this.base = normalizePrefix(base);
  }

  /** Opens a built folder; `base` is the base the site was built with. */
  static async open(dir: string, base = '/'): Promise<BuiltSite> {
    await init;
    return new BuiltSite(dir, base);
  }

  /** Every file under `folder` (a path in the site, `''` for all), sorted. */
  files(folder = ''): string[] {
    return filesUnder(join(this.dir, folder))
      .map((path) => relative(this.dir, path).split(sep).join('/'))
      .sort();
  }

  /** A file's bytes, or null when the build has no such file. */
  read(path: string): Buffer | null {
    if (!this.#contents.has(path)) {
      const full = join(this.dir, path);
      let content: Buffer | null = null;
      try {
        if (statSync(full).isFile()) content = readFileSync(full);
      } catch {
        content = null;
      }
      this.#contents.set(path, content);
    }
    return this.#contents.get(path) ?? null;
  }

  has(path: string): boolean {
    return this.read(path) !== null;
  }

  size(path: string): number {
    return this.read(path)?.length ?? 0;
  }

  /**
   * Turns a URL found in the file at `from` into a path in the site, or undefined
   * for another origin, a path outside the base or a `data:` URL.
   */
  resolve(url: string, from: string): string | undefined {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^https?:\/\/site\.invalid\//.test(url)) return undefined;
    let parsed: URL;
    try {
      parsed = new URL(url, new URL(`${this.base}${from}`, 'http://site.invalid'));
    } catch {
      return undefined;
    }
    if (parsed.origin !== 'http://site.invalid') return undefined;
    let path: string;
    try {
      path = decodeURIComponent(parsed.pathname);
    } catch {
      return undefined;
    }
    if (!path.startsWith(this.base)) return undefined;
    const inside = path.slice(this.base.length);
    if (inside === '' || inside.endsWith('/')) return `${inside}index.html`;
    return inside;
  }

  /** What an HTML page asks for itself. */
  page(path: string): PageReferences {
    let found = this.#pages.get(path);
    if (!found) {
      found = pageReferences(this.read(path)?.toString('utf8') ?? '');
      this.#pages.set(path, found);
    }
    return found;
  }

  /** What a stylesheet loads. */
  style(path: string): StyleReferences {
    let found = this.#styles.get(path);
    if (!found) {
      found = this.#styleReferences(this.read(path)?.toString('utf8') ?? '', path);
      this.#styles.set(path, found);
    }
    return found;
  }

  #styleReferences(css: string, from: string): StyleReferences {
    const found: StyleReferences = { fonts: [], other: [] };
    for (const face of css.matchAll(/@font-face\s*{([^}]*)}/gi)) {
      const body = face[1] ?? '';
      const range = parseUnicodeRange(/unicode-range\s*:\s*([^;}]+)/i.exec(body)?.[1]);
      for (const match of body.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)\s*(?:format\(\s*["']?([\w-]+)["']?\s*\))?/gi)) {
        const target = this.resolve(match[1] ?? '', from);
        if (target) found.fonts.push({ path: target, format: (match[2] ?? target.split('.').pop() ?? '').toLowerCase(), range });
      }
    }
    const rest = css.replace(/@font-face\s*{[^}]*}/gi, '');
    for (const match of rest.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/gi)) {
      const target = this.resolve(match[1] ?? '', from);
      if (target) found.other.push(target);
    }
    return found;
  }

  /**
   * What a script imports: static imports run with it; dynamic imports, and the
   * build files it names in plain strings (lazy chunks in Vite's preload lists,
   * `?url` assets such as wasm), only when asked for.
   */
  script(path: string): ScriptReferences {
    let found = this.#scripts.get(path);
    if (found) return found;
    const code = this.read(path)?.toString('utf8') ?? '';
    const statics = new Set<string>();
    const dynamics = new Set<string>();
    try {
      const [imports] = parse(code);
      for (const entry of imports) {
        if (!entry.n) continue;
        const target = this.resolve(entry.n, path);
        if (!target) continue;
        if (entry.t === 2) dynamics.add(target);
        else if (entry.t === 1 || entry.t === 4) statics.add(target);
      }
    } catch {
      // Not an ES module the lexer understands: only the names in strings below are followed.
    }
    for (const match of code.matchAll(/["'`]((?:\.{0,2}\/)?(?:[\w@%+~.-]+\/)*[\w@%+~.-]+\.[A-Za-z0-9]{1,12})["'`]/g)) {
      const name = match[1] ?? '';
      // Relative to the script, or to the site (Vite's preload lists say `_astro/x.js`).
      for (const candidate of [this.resolve(name, path), this.resolve(name, '')]) {
        if (candidate && candidate !== path && this.has(candidate)) {
          if (!statics.has(candidate)) dynamics.add(candidate);
          break;
        }
      }
    }
    found = { static: [...statics], dynamic: [...dynamics] };
    this.#scripts.set(path, found);
    return found;
  }

  /**
   * What `pages` load, following scripts, styles and fonts. `font` decides which
   * fonts a page's styles count as loaded (the browser fetches a font only for
   * the characters it draws); a font it turns down is counted as `later`.
   */
  reach(pages: readonly string[], font: (face: StyleReferences['fonts'][number]) => boolean = () => true): Reach {
    const load = new Set<string>();
    const later = new Set<string>();
    const missing: string[] = [];
    const queue: Array<{ path: string; lazy: boolean }> = [];
    const add = (path: string | undefined, lazy: boolean, written = path ?? '') => {
      if (!path) return;
      if (!this.has(path)) {
        missing.push(written);
        return;
      }
      if (load.has(path) || (lazy && later.has(path))) return;
      if (lazy) later.add(path);
      else {
        load.add(path);
        later.delete(path);
      }
      queue.push({ path, lazy });
    };
    for (const page of pages) {
      if (!page.endsWith('.html')) {
        add(page, false);
        continue;
      }
      const refs = this.page(page);
      for (const url of [...refs.scripts, ...refs.stylesheets]) add(this.resolve(url, page), false, url);
      for (const url of refs.other) {
        const target = this.resolve(url, page);
        // Links to other pages are not loads; files the page names (icons, images, the manifest) are.
        if (target && !target.endsWith('.html') && this.has(target)) add(target, false);
      }
      for (const css of refs.inlineStyles) {
        const inline = this.#styleReferences(css, page);
        for (const face of inline.fonts) add(face.path, !font(face));
        for (const other of inline.other) add(other, false);
      }
    }
    while (queue.length > 0) {
      const { path, lazy } = queue.shift()!;
      if (lazy && load.has(path)) continue;
      if (path.endsWith('.css')) {
        const refs = this.style(path);
        for (const face of refs.fonts) add(face.path, lazy || !font(face));
        for (const other of refs.other) add(other, lazy);
      } else if (/\.m?js$/.test(path)) {
        const refs = this.script(path);
        for (const target of refs.static) add(target, lazy);
        for (const target of refs.dynamic) add(target, true);
      } else if (path.endsWith('.webmanifest')) {
        for (const icon of this.#manifestIcons(path)) add(icon, lazy);
      }
    }
    return { load, later, missing: [...new Set(missing)] };
  }

  /** Every file `files` can lead to, at once or later, with every font: what a copy of the site must hold. */
  closure(files: readonly string[]): Set<string> {
    const pages = files.filter((file) => file.endsWith('.html'));
    const reach = this.reach(pages);
    const seen = new Set<string>([...reach.load, ...reach.later]);
    // Other text files (a manifest, an SVG, a script) given directly are followed too.
    const queue = files.filter((file) => !file.endsWith('.html') && TEXT.test(file));
    while (queue.length > 0) {
      const path = queue.shift()!;
      const next = path.endsWith('.css')
        ? [...this.style(path).fonts.map((face) => face.path), ...this.style(path).other]
        : /\.m?js$/.test(path)
          ? [...this.script(path).static, ...this.script(path).dynamic]
          : path.endsWith('.webmanifest')
            ? this.#manifestIcons(path)
            : [];
      for (const target of next) {
        if (!seen.has(target) && this.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    return seen;
  }

  /** The icons a web app manifest names. */
  #manifestIcons(path: string): string[] {
    let icons: unknown;
    try {
      icons = (JSON.parse(this.read(path)?.toString('utf8') ?? '{}') as { icons?: unknown }).icons;
    } catch {
      throw new Error(`error: ${join(this.dir, path)}: (file): expected a web app manifest in JSON, found text that does not parse`);
    }
    const found: string[] = [];
    for (const icon of Array.isArray(icons) ? icons : []) {
      const src = (icon as { src?: unknown } | null)?.src;
      const target = typeof src === 'string' ? this.resolve(src, path) : undefined;
      if (target) found.push(target);
    }
    return found;
  }
}
