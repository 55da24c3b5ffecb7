import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, posix, sep } from 'node:path';
import { placeFile } from '../../src/lib/files.ts';
import { BuiltSite } from '../../src/offline/built-site.ts';
import { POSTER_FONT_FOLDER } from '../../src/poster/browser/font-urls/index.ts';
import { headersFile, ROBOTS_TXT } from './privacy.ts';

/**
 * Splits one full Astro build into private deploy folders: one per client,
 * holding that client's pages, the neutral root page, the files from `public/`
 * and only the built assets those pages reach, plus the host files that keep
 * it private. The coach's review pages get a folder of their own, with each
 * client's build-time poster, which they show.
 */

/** The folder name of the coach's review pages; no client slug can take it (slugs need 20+ random characters). */
export const REVIEW_FOLDER = 'coach-review';

/**
 * Output every client folder carries, like public/, the same for every client:
 * the live poster's emoji groups (written by src/integrations/poster-assets.ts) and its
 * font files (copied by src/integrations/poster-assets.ts).
 */
const SHARED_OUTPUT = new Set(['poster-assets', POSTER_FONT_FOLDER]);

export interface SplitFolder {
  /** `client` for a client's workbook, `review` for the coach's review pages. */
  kind: 'client' | 'review';
  /** The client's slug; undefined for the review folder. */
  slug: string | undefined;
  /** Absolute path of the folder written. */
  dir: string;
  /** Paths inside the folder, with `/` separators, sorted. */
  files: string[];
  /** Total size of the files, in bytes. */
  bytes: number;
}

export interface SplitOptions {
  /** A finished build of every client (Astro's outDir). */
  distDir: string;
  /** The same build, already opened (so files read for the precache are not read again). */
  site?: BuiltSite;
  /** Where the folders go: `<outDir>/<slug>/` and `<outDir>/coach-review/`. */
  outDir: string;
  /** The clients to write folders for. */
  slugs: readonly string[];
  /** The `base` the build used, such as `/` or `/workbooks/`. */
  base: string;
  /** The project's `public/` folder: its top-level entries go into every folder. */
  publicDir: string;
  /** Also write the coach's review pages (default true). */
  review?: boolean;
  /**
   * Called after each folder is complete, before the next one starts. Extra
   * per-folder files (a service worker listing the folder's files, say) belong here.
   */
  onFolder?: (folder: SplitFolder, index: number, total: number) => void | Promise<void>;
}

const TEXT = /\.(html|css|js|mjs|json|map|svg|webmanifest|txt|xml)$/i;

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** Runs `task` over `items` with at most `limit` at once. */
async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      await task(item as T);
    }
  });
  await Promise.all(workers);
}

/** Copies `files` (relative paths) from one folder to another, and returns their total size. */
async function copyAll(from: string, to: string, files: readonly string[], sizes: Map<string, number>): Promise<number> {
  const dirs = new Set(files.map((file) => dirname(join(to, file))));
  for (const dir of [...dirs].sort()) await mkdir(dir, { recursive: true });
  let bytes = 0;
  await pool(files, 16, async (file) => {
    // Nothing writes to a copied file afterwards (the host files are written apart), so a link will do.
    await placeFile(join(from, file), join(to, file));
    let size = sizes.get(file);
    if (size === undefined) {
      size = (await stat(join(from, file))).size;
      sizes.set(file, size);
    }
    bytes += size;
  });
  return bytes;
}

/** Writes the host files every folder carries, and returns their names and sizes. */
async function writeHostFiles(dir: string, base: string): Promise<Array<[string, number]>> {
  const files: Array<[string, string]> = [
    ['_headers', headersFile(base)],
    ['robots.txt', ROBOTS_TXT],
    // GitHub Pages runs Jekyll on a pushed folder unless told not to, and Jekyll drops `_astro/`.
    ['.nojekyll', ''],
  ];
  for (const [name, text] of files) await writeFile(join(dir, name), text);
  return files.map(([name, text]) => [name, Buffer.byteLength(text)]);
}

/**
 * Splits a full build into one folder per client (and the coach's review
 * folder). Folders are written one after another; `outDir` must not already
 * hold them.
 */
export async function splitBuild(options: SplitOptions): Promise<SplitFolder[]> {
  const { distDir, outDir, slugs, base } = options;
  const site = options.site ?? (await BuiltSite.open(distDir, base));
  const top = await readdir(distDir, { withFileTypes: true });
  const publicEntries = existsSync(options.publicDir) ? new Set(await readdir(options.publicDir)) : new Set<string>();
  // The root's own files (the neutral index page, favicon, anything from public/) go everywhere;
  // folders only when they come from public/, so no other route's output can slip in.
  const shared: string[] = [];
  for (const entry of top) {
    if (entry.isFile()) shared.push(entry.name);
    else if (entry.isDirectory() && (publicEntries.has(entry.name) || SHARED_OUTPUT.has(entry.name)) && entry.name !== '_astro') {
      shared.push(...(await listFiles(join(distDir, entry.name), entry.name)));
    }
  }
  const sharedPages = shared.filter((file) => file.endsWith('.html'));
  const sizes = new Map<string, number>();
  const folders: SplitFolder[] = [];
  const plans: Array<{ kind: SplitFolder['kind']; slug: string | undefined; name: string; own: () => Promise<string[]> }> = slugs.map((slug) => ({
    kind: 'client',
    slug,
    name: slug,
    own: async () => {
      const dir = join(distDir, slug);
      if (!existsSync(dir)) throw new Error(`error: ${distDir}: ${slug}: expected the client's pages in the build, found no folder`);
      return (await listFiles(dir, slug)).sort();
    },
  }));
  if (options.review !== false) {
    plans.push({
      kind: 'review',
      slug: undefined,
      name: REVIEW_FOLDER,
      own: async () => {
        const pages: string[] = [];
        for (const slug of slugs) {
          const dir = join(distDir, 'coach', slug, 'review');
          if (existsSync(dir)) pages.push(...(await listFiles(dir, `coach/${slug}/review`)));
          // The review page shows the build-time poster, so it opens fully without the client's folder beside it.
          if (existsSync(join(distDir, slug, 'poster.png'))) pages.push(`${slug}/poster.png`);
        }
        return pages.sort();
      },
    });
  }

  for (const [index, plan] of plans.entries()) {
    const own = await plan.own();
    const pages = [...own.filter((file) => TEXT.test(file)), ...sharedPages];
    // Everything the pages can load, now or later, every font included: the folder must work on its own.
    const assets = [...site.closure(pages)].filter((file) => file.startsWith('_astro/'));
    const files = [...new Set([...own, ...shared, ...assets])].sort();
    const dir = join(outDir, plan.name);
    let bytes = await copyAll(distDir, dir, files, sizes);
    const host = await writeHostFiles(dir, base);
    for (const [, size] of host) bytes += size;
    const folder: SplitFolder = {
      kind: plan.kind,
      slug: plan.slug,
      dir,
      files: [...files, ...host.map(([name]) => name)].map((file) => file.split(sep).join(posix.sep)).sort(),
      bytes,
    };
    folders.push(folder);
    await options.onFolder?.(folder, index, plans.length);
  }
  return folders;
}

/** One private string of another client found in a folder. */
export interface Leak {
  folder: string;
  file: string;
  /** Whose string it is, and which kind: `maya-… (slug)`. */
  what: string;
}

/** A client's private strings: the slug, the full name and every evidence quote. */
export interface PrivateStrings {
  slug: string;
  strings: Array<{ text: string; kind: 'slug' | 'name' | 'evidence quote' }>;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Looks through every text file of every client folder for another client's
 * slug, name or evidence quotes, as written or HTML-escaped. A string two
 * clients share (two clients called Sam Lee) only counts where its owner is absent.
 */
export async function findLeaks(folders: readonly SplitFolder[], clients: readonly PrivateStrings[]): Promise<Leak[]> {
  const owners = new Map<string, Array<{ slug: string; kind: string }>>();
  for (const client of clients) {
    for (const { text, kind } of client.strings) {
      if (text.trim().length < 3) continue;
      for (const form of new Set([text, escapeHtml(text)])) {
        const list = owners.get(form) ?? [];
        list.push({ slug: client.slug, kind });
        owners.set(form, list);
      }
    }
  }
  if (owners.size === 0) return [];
  const pattern = new RegExp(
    [...owners.keys()]
      .sort((a, b) => b.length - a.length)
      .map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'g',
  );
  // Built assets are the same file in every folder: read each once.
  const shared = new Map<string, Set<string>>();
  const leaks: Leak[] = [];
  for (const folder of folders) {
    if (folder.kind !== 'client') continue;
    for (const file of folder.files.filter((name) => TEXT.test(name) || name === '_headers')) {
      let found = file.startsWith('_astro/') ? shared.get(file) : undefined;
      if (!found) {
        const text = await readFile(join(folder.dir, file), 'utf8');
        found = new Set([...text.matchAll(pattern)].map((match) => match[0]));
        if (file.startsWith('_astro/')) shared.set(file, found);
      }
      for (const match of found) {
        const who = owners.get(match) ?? [];
        if (who.some((owner) => owner.slug === folder.slug)) continue;
        for (const owner of who) leaks.push({ folder: folder.dir, file, what: `${owner.slug} (${owner.kind})` });
      }
    }
  }
  return leaks;
}
