import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One script a built page runs: inline, or a file with the modules it imports statically. */
export interface PageScript {
  /** `inline #n` or the file's path inside the built folder. */
  name: string;
  /** The script's text, with the text of its static imports after it. */
  text: string;
  /** Bytes sent gzipped: each file compressed on its own, as a server would. */
  gzip: number;
}

const INLINE = /<script\b[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/g;
const EXTERNAL = /<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g;
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["']([^"']+\.m?js)["']/g;

function gzipBytes(text: string): number {
  return gzipSync(text, { level: 9 }).length;
}

/**
 * The module scripts of one built HTML page, for size budgets. `page` is the
 * HTML file's path inside `dir`; `urlPrefix` is the base the site was built for.
 */
export function pageScripts(dir: string, page: string, urlPrefix = '/'): PageScript[] {
  const html = readFileSync(join(dir, page), 'utf8');
  const scripts: PageScript[] = [];
  let inline = 0;
  for (const match of html.matchAll(INLINE)) {
    const text = match[1] ?? '';
    if (!text.trim()) continue;
    inline += 1;
    scripts.push({ name: `inline #${inline}`, text, gzip: gzipBytes(text) });
  }
  for (const match of html.matchAll(EXTERNAL)) {
    const src = (match[1] ?? '').split(/[?#]/)[0] ?? '';
    if (!src.startsWith(urlPrefix)) continue;
    const seen = new Set<string>();
    const queue = [src.slice(urlPrefix.length)];
    let text = '';
    let gzip = 0;
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const code = readFileSync(join(dir, file), 'utf8');
      text += code;
      gzip += gzipBytes(code);
      for (const imported of code.matchAll(STATIC_IMPORT)) {
        const target = imported[1] ?? '';
        if (target.startsWith('.')) queue.push(posix.normalize(posix.join(posix.dirname(file), target)));
      }
    }
    scripts.push({ name: src.slice(urlPrefix.length), text, gzip });
  }
  return scripts;
}
