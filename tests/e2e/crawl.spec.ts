import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, test } from './fixtures.ts';

// Every built page, opened in Chromium: it must load, make no request off this machine,
// log no error, break no Content Security Policy rule, and link only to pages that exist.
const dist = process.env.DIST_DIR ?? 'dist';

function htmlPages(dir: string): string[] {
  const pages: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) pages.push(...htmlPages(path));
    else if (name === 'index.html') pages.push(`/${relative(dist, dir).split(sep).join('/')}/`.replace(/^\/\/$/, '/'));
  }
  return pages.sort();
}

test('every built page loads cleanly and links only to pages that exist', async ({ page, problems }) => {
  test.setTimeout(180_000);
  const pages = htmlPages(dist);
  expect(pages.length).toBeGreaterThanOrEqual(10);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const checked = new Map<string, number>();
  for (const path of pages) {
    const response = await page.goto(path, { waitUntil: 'networkidle' });
    expect(response?.status(), path).toBe(200);
    const hrefs = await page.getByRole('link').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.protocol !== 'http:' || url.hostname !== '127.0.0.1') continue;
      const target = url.pathname;
      if (!checked.has(target)) checked.set(target, (await page.request.get(target)).status());
      expect(checked.get(target), `${path} links to ${target}`).toBe(200);
    }
  }
  expect(problems.consoleErrors).toEqual([]);
});
