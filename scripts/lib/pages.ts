import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isPrivateSlug } from '../../src/lib/slug.ts';

/** One HTML page found in a built site. */
export interface BuiltPage {
  /** Absolute path of the HTML file. */
  file: string;
  /** Path of the file inside the built folder, with `/` separators: `coach/index.html`. */
  rel: string;
  /** The URL path a browser asks for, under the site's base: `/coach/`. */
  path: string;
  /** What kind of page it is, from its URL; used to pick budgets and group figures. */
  kind: PageKind;
}

export type PageKind =
  'site home' | 'coach dashboard' | 'coach page' | 'client home' | 'homework page' | 'ranking page' | 'poster page' | 'print page' | 'other page';

/** The built site the gates check: `DIST_DIR`, as the Playwright global setup builds it, else `dist`. */
export function distDir(): string {
  return process.env.DIST_DIR ?? 'dist';
}

/** Names the kind of a page from its URL path (relative to the site's base). */
export function pageKind(path: string): PageKind {
  const parts = path.split('/').filter(Boolean);
  const [first, second, third] = parts;
  if (parts.length === 0) return 'site home';
  if (first === 'coach') {
    if (parts.length === 1) return 'coach dashboard';
    return second && isPrivateSlug(second) && third ? 'coach page' : 'other page';
  }
  if (!first || !isPrivateSlug(first)) return 'other page';
  if (parts.length === 1) return 'client home';
  // A later session's pages live one level down, under their workbook, and weigh like the first session's.
  if (parts.length === 3) return 'homework page';
  if (parts.length !== 2) return 'other page';
  if (second === 'print') return 'print page';
  if (second === 'rank') return 'ranking page';
  if (second === 'poster') return 'poster page';
  return 'homework page';
}

/** The URL path of an HTML file: `a/b/index.html` is `/a/b/`, `404.html` is `/404.html`. */
export function urlPath(rel: string): string {
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

/** A page that only sends the browser elsewhere, as Astro writes for redirects. */
function isRedirect(html: string): boolean {
  return /<meta\s[^>]*http-equiv=["']?refresh/i.test(html);
}

/**
 * Every HTML page in a built site, found by walking the folder, so the quality
 * gates cover each page as soon as a route produces it. Redirect stubs are left out.
 */
export function builtPages(dir: string = distDir()): BuiltPage[] {
  const pages: BuiltPage[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.html')) {
        if (isRedirect(readFileSync(full, 'utf8'))) continue;
        const rel = relative(dir, full).split(sep).join('/');
        const path = urlPath(rel);
        pages.push({ file: full, rel, path, kind: pageKind(path) });
      }
    }
  };
  walk(dir);
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}

/** The client slugs a built site has pages for. */
export function builtSlugs(pages: readonly BuiltPage[]): string[] {
  const slugs = new Set<string>();
  for (const page of pages) {
    for (const segment of page.path.split('/')) if (isPrivateSlug(segment)) slugs.add(segment);
  }
  return [...slugs].sort();
}
