import { describe, expect, it } from 'vitest';
import { headersFile, headersFor, parseHeadersFile, ROBOTS_TXT } from '../../scripts/lib/privacy.ts';

describe('_headers', () => {
  const rules = parseHeadersFile(headersFile('/workbooks/'));

  it('keeps every file out of search results and sends no referrer, PNG and PDF included', () => {
    for (const path of [
      '/',
      '/workbooks/',
      '/workbooks/maya-x/',
      '/workbooks/maya-x/poster.png',
      '/workbooks/maya-x/workbook.pdf',
      '/workbooks/_astro/client.js',
    ]) {
      const headers = headersFor(path, rules);
      expect(headers.get('x-robots-tag'), path).toBe('noindex, nofollow, noarchive');
      expect(headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('caches hashed assets for good, and nothing else', () => {
    expect(headersFor('/workbooks/_astro/client.CzWaolnw.js', rules).get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(headersFor('/workbooks/maya-x/', rules).get('cache-control')).toBeUndefined();
  });

  it('is read the way hosts read it: paths, then indented headers, comments ignored', () => {
    expect(parseHeadersFile('# note\n/a/*\n  X-One: 1\n  X-Two: two words\n/b\n  X-Three: 3\n')).toEqual([
      {
        pattern: '/a/*',
        headers: [
          ['X-One', '1'],
          ['X-Two', 'two words'],
        ],
      },
      { pattern: '/b', headers: [['X-Three', '3']] },
    ]);
  });
});

describe('robots.txt', () => {
  it('lets crawlers fetch every page, so they can read its noindex', () => {
    expect(ROBOTS_TXT).toMatch(/^User-agent: \*$/m);
    expect(ROBOTS_TXT.split('\n').filter((line) => /^disallow:\s*\S/i.test(line))).toEqual([]);
  });
});
