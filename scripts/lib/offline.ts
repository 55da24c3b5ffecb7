import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The file every client's workbook app is described by; its presence marks a folder as a client's. */
export const MANIFEST_FILE = 'manifest.webmanifest';
/** The service worker's file name inside a client's folder. */
export const SERVICE_WORKER_FILE = 'sw.js';
/**
 * Files a page loads only on demand and that are bigger than this are left out
 * of the precache (the poster engine: satori's standalone build and its
 * layout.wasm, about 1.6 MB together); the service worker keeps them after
 * their first use instead.
 */
export const LAZY_PRECACHE_LIMIT = 200 * 1024;

export interface ServiceWorkerOptions {
  /** The built folder that holds `<slug>/` and `_astro/`: Astro's outDir, or one client's deploy folder. */
  dir: string;
  /** The client's slug: the folder (and URL segment) of their workbook. */
  slug: string;
  /** The URL path `dir` is served at, as Astro's `base` was set for the build: `/` or `/workbooks/`. */
  urlPrefix?: string;
  /**
   * Precache entries of shared files already worked out for this `dir` and prefix (by
   * `sharedManifest`), so a build with many clients reads and hashes each shared file once.
   */
  shared?: SharedManifest;
  /** This client's files, already worked out by `selectPrecache` for this `dir` and prefix. */
  selection?: PrecacheSelection;
}

/** Precache entries of shared files (`_astro/` and the like), with their size in bytes, by their path in `dir`. */
export type SharedManifest = Map<string, { entry: { url: string; revision: string | null }; size: number }>;

export interface ServiceWorkerResult {
  /** The service worker written, `<dir>/<slug>/sw.js`. */
  file: string;
  /** Every URL the service worker precaches. */
  urls: string[];
  /** Bytes precached. */
  size: number;
  /** Files loaded on demand that are cached after first use instead of precached, relative to `dir`. */
  onDemand: string[];
  /** Workbox's warnings, such as a file too big to precache. */
  warnings: string[];
}

/** What a client's pages need, relative to the built folder. */
export interface PrecacheSelection {
  /** The client's own folder, every file in it. */
  own: string[];
  /** Shared build files the pages use: scripts, styles, fonts, icons. */
  shared: string[];
  /** Big files loaded only on demand, left to runtime caching. */
  onDemand: string[];
}

/** `/`, `/workbooks/`: a URL path with one slash at each end. */
export function normalizePrefix(prefix = '/'): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
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

/** The folders of `dir` that hold a client's workbook (those with a web app manifest), by slug. */
export function clientFolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && isFile(join(dir, entry.name, MANIFEST_FILE)))
    .map((entry) => entry.name)
    .sort();
}

const FONT_FALLBACK = /\.(woff|ttf|otf|eot)$/;
// Absolute paths in HTML attributes, inline scripts and CSS url(): "/x", '/x', (/x).
const HTML_REF = /["'(]\s*(\/[^"'()\s<>]+)/g;
const CSS_URL = /url\(\s*["']?([^"')]+)["']?\s*\)/g;
// `import"./a.js"`, `import{b}from"./a.js"`, `export*from"./a.js"`: loaded with the chunk.
const JS_STATIC = /(?:\bfrom|\bimport)\s*["']([^"']+)["']/g;
// Any other quoted relative or build path: dynamic imports, preload lists, `?url` assets.
const JS_ANY = /["'`]((?:\.{1,2}\/|\/)?[\w@~.\-/]*_astro\/[^"'`\s]+|\.{1,2}\/[^"'`\s]+)["'`]/g;

interface FileReferences {
  withIt: string[];
  later: string[];
}

/**
 * What selectPrecache learns about shared files, kept for the next client of the same
 * built folder: their references and sizes. Every client loads the same scripts and
 * styles, so a build with many clients reads each of them once.
 */
export class PrecacheMemo {
  readonly references = new Map<string, FileReferences>();
  readonly #stats = new Map<string, { file: boolean; size: number }>();
  #scope: string | undefined;

  /** A memo serves one built folder under one URL prefix. */
  check(dir: string, prefix: string): void {
    const scope = `${dir}\n${prefix}`;
    if (this.#scope !== undefined && this.#scope !== scope)
      throw new Error(`error: ${dir}: (precache): expected the folder this memo was made for, found ${this.#scope.split('\n')[0]}`);
    this.#scope = scope;
  }

  #stat(path: string): { file: boolean; size: number } {
    let stat = this.#stats.get(path);
    if (!stat) {
      try {
        const found = statSync(path);
        stat = { file: found.isFile(), size: found.size };
      } catch {
        stat = { file: false, size: 0 };
      }
      this.#stats.set(path, stat);
    }
    return stat;
  }

  isFile(path: string): boolean {
    return this.#stat(path).file;
  }

  size(path: string): number {
    return this.#stat(path).size;
  }
}

/**
 * Works out which built files a client's workbook needs offline: every file in
 * its own folder, and the shared files its pages load (styles, fonts as woff2,
 * scripts and their static imports), followed through CSS and JavaScript.
 * Nothing under another client's folder or the coach's pages is ever chosen:
 * shared files must sit in `_astro/` or at the top of the folder.
 */
export function selectPrecache(dir: string, slug: string, urlPrefix = '/', memo: PrecacheMemo = new PrecacheMemo()): PrecacheSelection {
  const prefix = normalizePrefix(urlPrefix);
  memo.check(dir, prefix);
  const own = filesUnder(join(dir, slug))
    .map((path) => toPosix(relative(dir, path)))
    .filter((path) => path !== `${slug}/${SERVICE_WORKER_FILE}`)
    .sort();

  /** Maps a reference found in `from` (a path relative to dir) to a shared file, or undefined. */
  const resolve = (reference: string, from: string): string | undefined => {
    const clean = reference.split(/[?#]/)[0] ?? '';
    if (!clean || /^[a-z][a-z0-9+.-]*:/i.test(clean)) return undefined;
    let path: string;
    if (clean.startsWith('/')) {
      if (!clean.startsWith(prefix)) return undefined;
      path = clean.slice(prefix.length);
    } else if (clean.startsWith('./') || clean.startsWith('../')) {
      path = posix.normalize(posix.join(posix.dirname(from), clean));
    } else {
      path = posix.normalize(clean);
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return undefined;
    }
    if (decoded.startsWith('../') || decoded.startsWith('/')) return undefined;
    const shared = decoded.startsWith('_astro/') || !decoded.includes('/');
    if (!shared || !memo.isFile(join(dir, decoded))) return undefined;
    return decoded;
  };

  const eager = new Set<string>();
  const lazy = new Set<string>();
  const queue: Array<{ path: string; lazy: boolean }> = [];
  const add = (path: string | undefined, isLazy: boolean) => {
    if (!path || path === SERVICE_WORKER_FILE) return;
    if (isLazy) {
      if (eager.has(path) || lazy.has(path)) return;
      lazy.add(path);
    } else {
      if (eager.has(path)) return;
      eager.add(path);
      lazy.delete(path);
    }
    queue.push({ path, lazy: isLazy });
  };

  for (const page of own.filter((path) => path.endsWith('.html'))) {
    const html = readFileSync(join(dir, page), 'utf8');
    for (const match of html.matchAll(HTML_REF)) add(resolve(match[1] ?? '', page), false);
  }
  // The app icons the manifest names are shared files, wanted when the workbook is installed.
  for (const file of own.filter((path) => path.endsWith('.webmanifest'))) {
    let icons: unknown;
    try {
      icons = (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { icons?: unknown }).icons;
    } catch {
      throw new Error(`error: ${join(dir, file)}: (file): expected a web app manifest in JSON, found text that does not parse`);
    }
    for (const icon of Array.isArray(icons) ? icons : []) {
      const src = (icon as { src?: unknown } | null)?.src;
      if (typeof src === 'string') add(resolve(src, file), false);
    }
  }

  /** What a shared file loads with itself (`withIt`) and what it may load later (`later`); read once per memo. */
  const referencesOf = (path: string): FileReferences => {
    let found = memo.references.get(path);
    if (found) return found;
    found = { withIt: [], later: [] };
    if (path.endsWith('.css')) {
      const css = readFileSync(join(dir, path), 'utf8');
      for (const match of css.matchAll(CSS_URL)) {
        const target = resolve(match[1] ?? '', path);
        // Every browser with service workers reads woff2: older formats stay on the network.
        if (target && !FONT_FALLBACK.test(target)) found.withIt.push(target);
      }
    } else if (/\.m?js$/.test(path)) {
      const js = readFileSync(join(dir, path), 'utf8');
      const statics = new Set<string>();
      for (const match of js.matchAll(JS_STATIC)) {
        const target = resolve(match[1] ?? '', path);
        if (target) {
          statics.add(target);
          found.withIt.push(target);
        }
      }
      for (const match of js.matchAll(JS_ANY)) {
        const target = resolve(match[1] ?? '', path);
        if (target && !statics.has(target)) found.later.push(target);
      }
    }
    memo.references.set(path, found);
    return found;
  };

  while (queue.length > 0) {
    const { path, lazy: isLazy } = queue.shift()!;
    // A file reached lazily and later found eagerly is walked again as eager.
    if (isLazy && eager.has(path)) continue;
    const { withIt, later } = referencesOf(path);
    for (const target of withIt) add(target, isLazy);
    for (const target of later) add(target, true);
  }

  const onDemand = [...lazy].filter((path) => memo.size(join(dir, path)) > LAZY_PRECACHE_LIMIT).sort();
  const shared = [...eager, ...[...lazy].filter((path) => !onDemand.includes(path))].sort();
  return { own, shared, onDemand };
}

const swSource = fileURLToPath(new URL('../../src/offline/sw.ts', import.meta.url));
let template: Promise<string> | undefined;

/**
 * Bundles src/offline/sw.ts with its Workbox modules, once per process, into a
 * file for injectManifest to fill in. Every client's service worker shares this
 * code; only the precache list differs.
 */
export function serviceWorkerTemplate(): Promise<string> {
  template ??= (async () => {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [swSource],
      bundle: true,
      format: 'iife',
      minify: true,
      target: 'es2020',
      write: false,
      legalComments: 'none',
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    const code = result.outputFiles[0]?.text ?? '';
    if (!code.includes('self.__WB_MANIFEST')) throw new Error(`error: ${swSource}: (bundle): expected self.__WB_MANIFEST, found none`);
    const file = join(tmpdir(), `workbook-sw-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`);
    writeFileSync(file, code);
    return file;
  })();
  return template;
}

function globLiteral(path: string): string {
  return path.replace(/[*?[\]{}()!+@\\]/g, '\\$&');
}

/**
 * Writes `<dir>/<slug>/sw.js`: the client's service worker, precaching their
 * pages and what those pages load, and nothing of any other client or coach page.
 * Run it after `astro build` (the offline integration does, for every client),
 * or on a per-client deploy folder once it has been assembled.
 */
export async function writeServiceWorker(options: ServiceWorkerOptions): Promise<ServiceWorkerResult> {
  const { dir, slug } = options;
  const prefix = normalizePrefix(options.urlPrefix);
  if (!isFile(join(dir, slug, MANIFEST_FILE))) {
    throw new Error(`error: ${join(dir, slug)}: ${MANIFEST_FILE}: expected a built client folder with its web app manifest, found none`);
  }
  const selection = options.selection ?? selectPrecache(dir, slug, prefix);
  const shared = options.shared ?? (await sharedManifest(dir, selection.shared, prefix));
  const sharedFiles = selection.shared.map((path) => {
    const file = shared.get(path);
    if (!file) throw new Error(`error: ${join(dir, path)}: (precache): expected an entry for this shared file, found none`);
    return file;
  });
  const sharedEntries = sharedFiles.map((file) => file.entry);
  // The module alone: workbox-build's index also loads generateSW's bundler, about 0.3 s more.
  const { injectManifest } = await import('workbox-build/build/inject-manifest.js');
  const swDest = join(dir, slug, SERVICE_WORKER_FILE);
  const urls: string[] = sharedEntries.map((entry) => entry.url);
  const result = await injectManifest({
    swSrc: await serviceWorkerTemplate(),
    swDest,
    globDirectory: dir,
    // The client's own folder, as selection.own lists it: every file but the service worker.
    globPatterns: [`${globLiteral(slug)}/**/*`],
    globIgnores: [`${globLiteral(slug)}/${SERVICE_WORKER_FILE}`],
    additionalManifestEntries: sharedEntries,
    modifyURLPrefix: { '': prefix },
    // The build-time poster is the biggest file a client owns; keep room for print sizes.
    maximumFileSizeToCacheInBytes: 10 * 1024 * 1024,
    manifestTransforms: [
      (entries) => {
        // The client's own files; the shared entries are added after this.
        urls.push(...entries.map((entry) => entry.url));
        return { manifest: entries };
      },
    ],
  });
  const sharedSize = sharedFiles.reduce((sum, file) => sum + file.size, 0);
  return { file: swDest, urls: [...new Set(urls)].sort(), size: result.size + sharedSize, onDemand: selection.onDemand, warnings: result.warnings };
}

/**
 * Precache entries for shared files, read and hashed once. Build files carry a content
 * hash in their names, so their URL is their version and they get no revision.
 */
export async function sharedManifest(dir: string, paths: readonly string[], urlPrefix = '/'): Promise<SharedManifest> {
  const prefix = normalizePrefix(urlPrefix);
  const entries: SharedManifest = new Map();
  if (paths.length === 0) return entries;
  const { getManifest } = await import('workbox-build/build/get-manifest.js');
  // Shared files sit in _astro/ or at the top (see selectPrecache): one walk over those is far
  // quicker than one glob per file, and hashing the few files no client needs costs little.
  const wanted = new Set(paths);
  const result = await getManifest({
    globDirectory: dir,
    globPatterns: ['_astro/**/*', '*'],
    globIgnores: [],
    dontCacheBustURLsMatching: /^_astro\//,
    maximumFileSizeToCacheInBytes: 10 * 1024 * 1024,
    manifestTransforms: [(manifest) => ({ manifest: manifest.filter((entry) => wanted.has(entry.url)) })],
  });
  for (const entry of result.manifestEntries ?? []) {
    entries.set(entry.url, { entry: { url: `${prefix}${entry.url}`, revision: entry.revision ?? null }, size: statSync(join(dir, entry.url)).size });
  }
  return entries;
}

/**
 * Bundles the service worker template and loads Workbox ahead of time, so a build can do
 * it while it waits for something else (Vite's bundling) rather than at the very end.
 */
export async function prepareServiceWorkers(): Promise<void> {
  await Promise.all([serviceWorkerTemplate(), import('workbox-build/build/inject-manifest.js'), import('workbox-build/build/get-manifest.js')]);
}

/** Writes a service worker for every client folder in `dir`; returns one result per slug. */
export async function writeServiceWorkers(dir: string, urlPrefix = '/'): Promise<Map<string, ServiceWorkerResult>> {
  const results = new Map<string, ServiceWorkerResult>();
  const slugs = clientFolders(dir);
  const memo = new PrecacheMemo();
  const selections = new Map(slugs.map((slug) => [slug, selectPrecache(dir, slug, urlPrefix, memo)]));
  const shared = await sharedManifest(dir, [...new Set([...selections.values()].flatMap((selection) => selection.shared))], urlPrefix);
  // A few at a time, so one client's files are read while another's worker is written.
  const queue = [...selections];
  const next = async (): Promise<void> => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const [slug, selection] = item;
      results.set(slug, await writeServiceWorker({ dir, slug, urlPrefix, shared, selection }));
    }
  };
  await Promise.all(Array.from({ length: 4 }, next));
  return new Map([...results].sort(([a], [b]) => a.localeCompare(b)));
}
