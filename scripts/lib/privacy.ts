/**
 * The host files that keep a deployed workbook private: response headers for
 * hosts that read a `_headers` file (Netlify, Cloudflare Pages), and a
 * robots.txt that lets crawlers in, because a crawler that may not fetch a page
 * never sees its noindex and may list the bare address anyway.
 */

/** Headers every file gets: HTML, PNG, PDF, scripts, fonts. */
export const PRIVACY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['X-Robots-Tag', 'noindex, nofollow, noarchive'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Content-Type-Options', 'nosniff'],
  // Only framing is limited here; the pages' own CSP (a meta tag with script hashes) does the rest.
  ['Content-Security-Policy', "frame-ancestors 'none'"],
];

/** The `_headers` file for a folder served under `base`. */
export function headersFile(base: string): string {
  const lines = [
    '# Private coaching workbook. Netlify and Cloudflare Pages read this file.',
    '# Every file, PNG and PDF included, stays out of search results and sends no referrer.',
    '/*',
    ...PRIVACY_HEADERS.map(([name, value]) => `  ${name}: ${value}`),
    '',
    '# Built assets have content hashes in their names, so they never change.',
    `${base}_astro/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    '',
  ];
  return lines.join('\n');
}

/** robots.txt: crawlers may fetch everything, so they read the noindex on each page. */
export const ROBOTS_TXT = [
  '# These workbooks are private. Every page and file says noindex; crawlers must be',
  '# allowed to fetch them to read it, so nothing is disallowed here.',
  'User-agent: *',
  'Disallow:',
  '',
].join('\n');

export interface HeaderRule {
  pattern: string;
  headers: Array<[string, string]>;
}

/** Parses a `_headers` file the way Netlify and Cloudflare Pages do (paths, then indented `Name: value`). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ pattern: raw.trim(), headers: [] });
      continue;
    }
    const match = /^\s+([^:\s]+):\s*(.*)$/.exec(raw);
    const rule = rules.at(-1);
    if (match && rule) rule.headers.push([match[1]!, match[2]!.trim()]);
  }
  return rules;
}

/** The headers a host would send for `path`: every matching rule, in order (`*` matches anything). */
export function headersFor(path: string, rules: readonly HeaderRule[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of rules) {
    const regex = new RegExp(
      `^${rule.pattern
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    if (!regex.test(path)) continue;
    for (const [name, value] of rule.headers) out.set(name.toLowerCase(), value);
  }
  return out;
}
