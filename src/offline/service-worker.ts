import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BuiltSite, drawsAny, normalizePrefix, pageCodePoints } from './built-site.ts';

/** The file every client's workbook app is described by; its presence marks a folder as a client's. */
export const MANIFEST_FILE = 'manifest.webmanifest';
/** The service worker's file name inside a client's folder. */
export const SERVICE_WORKER_FILE = 'sw.js';
/**
 * Scripts a page loads only on demand and that are bigger than this are left out
 * of the precache (the poster engine: satori's standalone build, about 1.5 MB),
 * as are other files loaded on demand (its layout.wasm, fonts for characters the
 * pages do not use); the service worker keeps them after their first use instead.
 */
export const LAZY_PRECACHE_LIMIT = 200 * 1024;

export interface ServiceWorkerOptions {
  /** The built folder that holds `<slug>/` and `_astro/`: Astro's outDir, or one client's deploy folder. */
  dir: string;
  /** The client's slug: the folder (and URL segment) of their workbook. */
  slug: string;
  /** The URL path `dir` is served at, as Astro's `base` was set for the build: `/` or `/workbooks/`. */
  urlPrefix?: string;
  /** The built folder already opened, so a build with many clients reads each shared file once. */
  site?: BuiltSite;
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
  /** Shared build files the pages use: scripts, styles, the fonts their text needs, icons. */
  shared: string[];
  /** Shared files loaded only on demand (big scripts, wasm, fonts for other scripts), left to runtime caching. */
  onDemand: string[];
}

export { normalizePrefix };

/** The folders of `dir` that hold a client's workbook (those with a web app manifest), by slug. */
export function clientFolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, MANIFEST_FILE)))
    .map((entry) => entry.name)
    .sort();
}

/** A file the precache may take from outside the client's folder: build files, and the files at the top. */
function isShared(path: string): boolean {
  return path.startsWith('_astro/') || !path.includes('/');
}

/**
 * Works out which built files a client's workbook needs offline: every file in
 * its own folder, and the shared files its pages load: styles, scripts and their
 * static imports, small scripts loaded on demand, and the fonts (woff2) whose
 * characters appear in the client's pages. A Latin-script workbook precaches
 * only Latin fonts; a client whose themes are in Japanese gets the slices their
 * pages use. Nothing under another client's folder or the coach's pages is ever
 * chosen: shared files must sit in `_astro/` or at the top of the folder.
 */
export function selectPrecache(site: BuiltSite, slug: string): PrecacheSelection {
  const own = site.files(slug).filter((path) => path !== `${slug}/${SERVICE_WORKER_FILE}`);
  const pages = own.filter((path) => path.endsWith('.html'));
  const text = new Set<number>();
  for (const page of pages) pageCodePoints(site.read(page)?.toString('utf8') ?? '', text);
  // Every browser with service workers reads woff2: older formats stay on the network.
  const reach = site.reach([...pages, ...own.filter((path) => path.endsWith('.webmanifest'))], (face) => face.format === 'woff2' && drawsAny(face.range, text));
  const ownSet = new Set(own);
  const shared = new Set<string>();
  const onDemand = new Set<string>();
  for (const path of reach.load) if (!ownSet.has(path) && isShared(path) && path !== SERVICE_WORKER_FILE) shared.add(path);
  for (const path of reach.later) {
    if (ownSet.has(path) || !isShared(path) || shared.has(path)) continue;
    if (/\.m?js$/.test(path) && site.size(path) <= LAZY_PRECACHE_LIMIT) shared.add(path);
    else onDemand.add(path);
  }
  return { own, shared: [...shared].sort(), onDemand: [...onDemand].sort() };
}

const swSource = fileURLToPath(new URL('./sw.ts', import.meta.url));
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
  if (!existsSync(join(dir, slug, MANIFEST_FILE))) {
    throw new Error(`error: ${join(dir, slug)}: ${MANIFEST_FILE}: expected a built client folder with its web app manifest, found none`);
  }
  const selection = options.selection ?? selectPrecache(options.site ?? (await BuiltSite.open(dir, prefix)), slug);
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
 * Precache entries for shared files, worked out once. Build files (`_astro/`) carry a content
 * hash in their names, so their URL is their version: they get no revision and are not read.
 * The few shared files at the top (icons) keep their names across builds, so Workbox hashes them.
 */
export async function sharedManifest(dir: string, paths: readonly string[], urlPrefix = '/'): Promise<SharedManifest> {
  const prefix = normalizePrefix(urlPrefix);
  const entries: SharedManifest = new Map();
  const named: string[] = [];
  for (const path of paths) {
    if (path.startsWith('_astro/')) entries.set(path, { entry: { url: `${prefix}${path}`, revision: null }, size: statSync(join(dir, path)).size });
    else named.push(path);
  }
  if (named.length === 0) return entries;
  const { getManifest } = await import('workbox-build/build/get-manifest.js');
  const result = await getManifest({
    globDirectory: dir,
    globPatterns: named.map(globLiteral),
    globIgnores: [],
    maximumFileSizeToCacheInBytes: 10 * 1024 * 1024,
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
  const site = await BuiltSite.open(dir, urlPrefix);
  const selections = new Map(slugs.map((slug) => [slug, selectPrecache(site, slug)]));
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
