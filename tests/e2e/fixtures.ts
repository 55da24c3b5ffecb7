import { test as base, expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export { expect };

/** Room for a test or hook that builds a site: a build on a 2-core machine busy with other work can take minutes. */
export const BUILD_TIMEOUT = 600_000;

/** What went wrong on a page that a person would not see but must never happen. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  foreignRequests: string[];
}

/**
 * Starts recording console errors, uncaught errors and requests that leave the site.
 * With an origin, anything else is foreign; without one, anything off this machine is.
 */
export function watchPage(page: Page, origin?: string): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], foreignRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (/^(data|blob|about|chrome-extension):/.test(url)) return;
    const foreign = origin ? new URL(url).origin !== origin : !['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
    if (foreign) problems.foreignRequests.push(url);
  });
  return problems;
}

/**
 * Waits until the page's `client:load` and `client:idle` islands have hydrated, as a
 * person's first tap usually comes after. Astro removes an island's `ssr` attribute
 * once it has hydrated. With scripts off the island runtime never defines its element,
 * so there is nothing to wait for.
 */
export async function islandsHydrated(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      customElements.get('astro-island') === undefined ||
      document.querySelectorAll('astro-island[ssr][client="load"], astro-island[ssr][client="idle"]').length === 0,
    undefined,
    { timeout: 20_000 },
  );
}

/**
 * Waits until every island that hydrates on its own has done so, scrolling each
 * `client:visible` one into view the way a reader would, then back to the top.
 * Islands that wait for a media query are left as they are.
 */
export async function everyIslandHydrated(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  for (const island of await page.locator('astro-island[client="visible"][ssr]').all()) await island.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]:not([client="media"])').length === 0, undefined, { timeout: 15_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Every test gets `problems`, and fails afterwards if the page logged a console
 * error, threw, or asked another origin for anything. Its `page` waits for the
 * islands to hydrate after `goto` and `reload`, so a test never types into a
 * field that hydration is about to replace.
 */
export const test = base.extend<{ problems: PageProblems }>({
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      await islandsHydrated(page);
      return response;
    };
    page.reload = async (options) => {
      const response = await reload(options);
      await islandsHydrated(page);
      return response;
    };
    await use(page);
  },
  problems: [
    async ({ page }, use) => {
      // Tests may serve extra builds on other local ports; anything off this machine is foreign.
      const problems = watchPage(page);
      await use(problems);
      expect(problems.pageErrors, 'uncaught page errors').toEqual([]);
      expect(problems.consoleErrors, 'console errors').toEqual([]);
      expect(problems.foreignRequests, 'requests to other origins').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Fills this origin's localStorage to the brim before any page script runs, as years of other
 * data might (under keys `filler-0`, `filler-1`, …), so the next write the workbook tries is refused.
 * Fills once per page: a reload keeps it full.
 */
export async function fillStorage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (localStorage.getItem('filler-0') !== null) return;
    let chunk = 'x'.repeat(1 << 20);
    for (let i = 0; chunk.length > 0; i += 1) {
      try {
        localStorage.setItem(`filler-${i}`, chunk);
      } catch {
        chunk = chunk.slice(0, Math.floor(chunk.length / 2));
      }
    }
  });
}

export interface SampleClient {
  slug: string;
  name: string;
  preferredName?: string;
  themes: Array<{ name: string; evidence?: string[] }>;
}

/** The sample client shipped in src/content, read the way a test author would: from its file. */
export function sampleClient(contentDir = join(process.cwd(), 'src', 'content')): SampleClient {
  const dir = join(contentDir, 'clients');
  const file = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()[0];
  if (!file) throw new Error(`No sample client in ${dir}`);
  const data = parse(readFileSync(join(dir, file), 'utf8')) as Omit<SampleClient, 'slug'>;
  return { ...data, slug: file.replace(/\.yaml$/, '') };
}
