import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * How much JavaScript a built page makes the browser load when it opens:
 * inline scripts, `<script src>`, island components and renderers, and
 * everything they import statically. Dynamic `import()`s load later, on use
 * (the import check, for one), so they are listed apart and not counted.
 */

export interface PageJs {
  /** The page's path in the site, e.g. `/maya-…/rank/`. */
  page: string;
  /** The script files the page loads on open, site paths. */
  files: string[];
  /** Files only loaded on demand. */
  lazy: string[];
  /** Bytes as stored, as gzip (level 9) and as brotli. */
  raw: number;
  gzip: number;
  brotli: number;
}

const sizes = (text: string | Buffer) => ({
  raw: Buffer.byteLength(text),
  gzip: gzipSync(text, { level: 9 }).length,
  brotli: brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

function scriptImports(code: string): { eager: string[]; lazy: string[] } {
  const eager = [...code.matchAll(/\bimport\s*(?:[^'"`()]*?\bfrom\s*)?["'`]([^"'`]+\.js)["'`]/g)].map((match) => match[1]!);
  const lazy = [...code.matchAll(/\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)].map((match) => match[1]!);
  return { eager, lazy };
}

/** Measures one built HTML file under `dist`. */
export function measurePage(dist: string, htmlFile: string, base = '/'): PageJs {
  const html = readFileSync(htmlFile, 'utf8');
  const page = `/${relative(dist, htmlFile).split(sep).join('/')}`.replace(/index\.html$/, '');
  const toFile = (sitePath: string) => join(dist, sitePath.replace(new RegExp(`^${base.replace(/\/$/, '')}`), '').split('/').join(sep));
  const seen = new Set<string>();
  const lazy = new Set<string>();
  let totals = { raw: 0, gzip: 0, brotli: 0 };
  const add = (size: ReturnType<typeof sizes>) => {
    totals = { raw: totals.raw + size.raw, gzip: totals.gzip + size.gzip, brotli: totals.brotli + size.brotli };
  };
  const follow = (sitePath: string) => {
    if (seen.has(sitePath)) return;
    seen.add(sitePath);
    const file = toFile(sitePath);
    if (!existsSync(file)) throw new Error(`${page}: loads ${sitePath}, which is not in ${dist}`);
    const code = readFileSync(file, 'utf8');
    add(sizes(code));
    const imports = scriptImports(code);
    for (const spec of imports.eager) follow(posix.join(posix.dirname(sitePath), spec));
    for (const spec of imports.lazy) lazy.add(posix.join(posix.dirname(sitePath), spec));
  };

  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attributes = match[1] ?? '';
    const type = /\btype="([^"]+)"/.exec(attributes)?.[1];
    if (type && type !== 'module' && type !== 'text/javascript') continue;
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    if (src) follow(src);
    else {
      add(sizes(match[2] ?? ''));
      for (const spec of scriptImports(match[2] ?? '').eager) follow(spec);
    }
  }
  for (const match of html.matchAll(/\b(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g)) if (match[1]) follow(match[1]);
  for (const file of seen) lazy.delete(file);
  return { page, files: [...seen], lazy: [...lazy], ...totals };
}

/** Every HTML page under a folder. */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path));
    else if (name.endsWith('.html')) out.push(path);
  }
  return out.sort();
}

export interface Budget {
  /** Matches the page path, e.g. /\/rank\/$/. */
  pattern: RegExp;
  /** The most the page may load on open, in bytes. */
  bytes: number;
  name: string;
}

/** Client pages by their last path segment. Every page not listed has the default budget. */
export const JS_BUDGETS: Budget[] = [
  { name: 'ranking page (React and dnd-kit)', pattern: /^\/[^/]+\/rank\/$/, bytes: 100 * 1024 },
  { name: 'homework page (React)', pattern: /^\/[^/]+\/(value-chains|living|notes)\/$/, bytes: 80 * 1024 },
];

export interface BudgetResult extends PageJs {
  budget: Budget | undefined;
  over: boolean;
}

/** Measures pages against the budgets, by the compression named. */
export function checkBudgets(dist: string, compression: 'gzip' | 'brotli', budgets = JS_BUDGETS): BudgetResult[] {
  return htmlFiles(dist).map((file) => {
    const measured = measurePage(dist, file);
    const budget = budgets.find((item) => item.pattern.test(measured.page));
    return { ...measured, budget, over: budget !== undefined && measured[compression] > budget.bytes };
  });
}
