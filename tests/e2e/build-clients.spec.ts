import { execFile } from 'node:child_process';
import { ANSWERS_VERSION } from '../../src/stores/limits.ts';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { encodeShareFragment } from '../../src/share/codec.ts';
import { readShareFragment } from '../../src/share/decode.ts';
import { headersFor, parseHeadersFile } from '../../scripts/lib/privacy.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';
import { createFixtureProject } from '../../scripts/lib/fixture-project.ts';
import { writeSyntheticContent, type SyntheticClient } from '../../scripts/lib/synthetic.ts';
import { sampleAnswers, sampleAnswersFile } from '../sample-answers.ts';
import { BUILD_TIMEOUT, expect, test, watchPage } from './fixtures.ts';

/*
 * Builds 8 made-up clients (names, themes and quotes all different, in many
 * scripts) with `npm run build:clients`, once for the root of a host and once
 * for /sub/path/, then checks the folders as a coach would deploy them: each
 * alone, served by a plain static server. Eight are enough for every folder to
 * have seven others whose words must not reach it; the build bench covers 100.
 */
const COUNT = 8;
const work = resolve('.tmp', `e2e-build-clients-${process.env.PORT ?? 'default'}`);
const BASES = { root: '/', sub: '/sub/path/' } as const;
type BaseName = keyof typeof BASES;
const outDir = (name: BaseName) => join(work, `out-${name}`);
const REVIEW = 'coach-review';

/** Text that only coach pages hold: the dashboard, the guide, the letter and the coach layout. */
const COACH_ONLY = [
  'Your clients',
  'Coach pages. Never send these links',
  'Session guide',
  'Before the session',
  'investigative reporter',
  'From the Discovery Doc',
  'What excites you most about it?',
  'Review answers',
  'answers review',
  'homework letter with their private workbook link',
];

let clients: SyntheticClient[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(2 * BUILD_TIMEOUT);
  const project = createFixtureProject(join(work, 'project'), { copyContent: false });
  clients = writeSyntheticContent(project.content, COUNT);
  for (const name of Object.keys(BASES) as BaseName[]) {
    await promisify(execFile)(process.execPath, [resolve('scripts', 'build-clients.ts'), '--base', BASES[name], '--out', outDir(name)], {
      cwd: project.root,
      maxBuffer: 16 * 1024 * 1024,
    });
  }
});

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

test('each folder holds one client only: no other client’s name, slug or evidence, and no coach page', () => {
  const out = outDir('root');
  const folders = readdirSync(out).filter((name) => statSync(join(out, name)).isDirectory());
  expect(folders.sort()).toEqual([...clients.map((client) => client.slug), REVIEW].sort());

  // Every private string, in every form a page could carry it, with its owner.
  const secrets: Array<{ text: string; owner: string; what: string }> = [];
  for (const client of clients) {
    for (const [what, texts] of [
      ['slug', [client.slug]],
      ['name', [client.name]],
      ['evidence', client.evidence],
    ] as const) {
      for (const text of texts) for (const form of new Set([text, escapeHtml(text)])) secrets.push({ text: form, owner: client.slug, what });
    }
  }
  const byContent = new Map<string, Set<number>>();
  const found = (text: string) => {
    let hits = byContent.get(text);
    if (!hits) {
      hits = new Set(secrets.flatMap((secret, index) => (text.includes(secret.text) ? [index] : [])));
      byContent.set(text, hits);
    }
    return hits;
  };

  const problems: string[] = [];
  let filesChecked = 0;
  for (const client of clients) {
    const folder = join(out, client.slug);
    const files = listFiles(folder);
    for (const file of files) {
      const rel = relative(folder, file);
      if (rel.startsWith('coach')) problems.push(`${client.slug}: coach path ${rel}`);
      const text = readFileSync(file, 'utf8');
      filesChecked += 1;
      for (const index of found(text)) {
        const secret = secrets[index]!;
        if (secret.owner !== client.slug) problems.push(`${client.slug}/${rel}: ${secret.what} of ${secret.owner}`);
      }
      for (const phrase of COACH_ONLY) if (text.includes(phrase)) problems.push(`${client.slug}/${rel}: coach-only text "${phrase}"`);
    }
    for (const page of [
      'index.html',
      'value-chains/index.html',
      'rank/index.html',
      'living/index.html',
      'poster/index.html',
      'notes/index.html',
      'print/index.html',
    ]) {
      if (!existsSync(join(folder, client.slug, page))) problems.push(`${client.slug}: missing ${page}`);
    }
    // The build-time poster comes with the client's pages once the workbook has one.
    if (existsSync(join('src', 'pages', '[slug]', 'poster.png.ts')) && !existsSync(join(folder, client.slug, 'poster.png'))) {
      problems.push(`${client.slug}: missing poster.png`);
    }
  }
  expect(problems).toEqual([]);
  expect(filesChecked).toBeGreaterThan(COUNT * 20);

  // The coach's review folder: review pages only, and none of the evidence quotes from the session notes.
  const review = join(out, REVIEW);
  const pages = listFiles(review)
    .map((file) => relative(review, file))
    .filter((file) => file.startsWith('coach'));
  expect(pages.sort()).toEqual(clients.map((client) => join('coach', client.slug, 'review', 'index.html')).sort());
  for (const file of listFiles(review)) {
    const text = readFileSync(file, 'utf8');
    const quotes = [...found(text)].map((index) => secrets[index]!).filter((secret) => secret.what === 'evidence');
    expect(quotes, relative(review, file)).toEqual([]);
  }
});

/** Every URL a page, stylesheet or script asks for, resolved against where it was found. */
function references(url: string, body: string, type: string, base: string): string[] {
  const found: string[] = [];
  const add = (raw: string) => {
    const value = raw.replace(/&amp;/g, '&').trim();
    if (value === '' || /^(#|mailto:|tel:|data:|javascript:|blob:)/.test(value)) return;
    found.push(value.startsWith('_astro/') ? new URL(`${base}${value}`, url).href : new URL(value, url).href);
  };
  if (type.includes('html')) {
    for (const match of body.matchAll(/\s(?:href|src|component-url|renderer-url|before-hydration-url)="([^"]*)"/g)) add(match[1]!);
    for (const match of body.matchAll(/\ssrcset="([^"]*)"/g)) for (const part of match[1]!.split(',')) add(part.trim().split(/\s+/)[0] ?? '');
  }
  if (type.includes('css') || type.includes('html')) for (const match of body.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) add(match[1]!);
  if (type.includes('javascript')) {
    for (const match of body.matchAll(/["'`]((?:\.{1,2}\/|\/|_astro\/)[^"'`\s]+\.(?:js|mjs|css|wasm|woff2?|png|svg|json))["'`]/g)) {
      // Keys of Vite's import.meta.glob maps are source paths (/node_modules/…), and templates are not URLs: neither is ever requested.
      if (match[1]!.startsWith('/node_modules/') || match[1]!.includes('${')) continue;
      add(match[1]!);
    }
  }
  return found;
}

async function crawl(start: string[], origin: string, base: string): Promise<{ seen: Map<string, number>; broken: string[] }> {
  const seen = new Map<string, number>();
  const queue = [...start];
  while (queue.length > 0) {
    const url = queue.shift()!.split('#')[0]!;
    if (seen.has(url) || !url.startsWith(origin)) continue;
    const response = await fetch(url);
    seen.set(url, response.status);
    if (!response.ok) continue;
    const type = response.headers.get('content-type') ?? '';
    if (/html|css|javascript/.test(type)) queue.push(...references(url, await response.text(), type, base));
    else await response.arrayBuffer();
  }
  const broken = [...seen].filter(([, status]) => status !== 200).map(([url, status]) => `${status} ${url}`);
  return { seen, broken };
}

for (const name of Object.keys(BASES) as BaseName[]) {
  test(`every link, asset and poster resolves with each folder served alone at ${BASES[name]}`, async () => {
    test.setTimeout(180_000);
    const base = BASES[name];
    let pages = 0;
    for (const folder of [...clients.map((client) => client.slug), REVIEW]) {
      const served: StaticServer = await serveStatic(join(outDir(name), folder), { base });
      try {
        const origin = new URL(served.url).origin;
        const start = folder === REVIEW ? clients.map((client) => `${served.url}coach/${client.slug}/review/`) : [`${served.url}${folder}/`, served.url];
        if (folder !== REVIEW && existsSync(join(outDir(name), folder, folder, 'poster.png'))) start.push(`${served.url}${folder}/poster.png`);
        const { seen, broken } = await crawl(start, origin, base);
        expect(broken, `${folder} at ${base}`).toEqual([]);
        pages += [...seen.keys()].filter((url) => url.endsWith('/')).length;
        // Nothing outside the base answers: the folder really is served under it.
        if (base !== '/') expect((await fetch(`${origin}/${folder}/`)).status).toBe(404);
      } finally {
        await served.close();
      }
    }
    expect(pages).toBeGreaterThanOrEqual(COUNT * 8);
  });
}

test('every file is private: noindex and a script-hashing CSP on every page, _headers for every file, robots.txt open', () => {
  for (const name of Object.keys(BASES) as BaseName[]) {
    const out = outDir(name);
    for (const folder of readdirSync(out).filter((entry) => statSync(join(out, entry)).isDirectory())) {
      const dir = join(out, folder);
      for (const file of listFiles(dir).filter((path) => path.endsWith('.html'))) {
        const html = readFileSync(file, 'utf8');
        const where = relative(out, file);
        expect(html, where).toMatch(/<meta name="robots" content="noindex, nofollow">/);
        expect(html, where).toMatch(/<meta name="referrer" content="no-referrer">/);
        const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
        const scriptSrc =
          csp
            .split(';')
            .map((directive) => directive.trim())
            .find((directive) => directive.startsWith('script-src')) ?? '';
        // The poster page alone may compile WebAssembly (the poster engine's layout.wasm).
        const wasm = /(^|\/)poster\/index\.html$/.test(where) ? " 'wasm-unsafe-eval'" : '';
        expect(scriptSrc, where).toMatch(new RegExp(`^script-src 'self'${wasm}( 'sha256-[A-Za-z0-9+/=]+')+$`));
        expect(csp, where).not.toContain('unsafe-inline');
      }
      const rules = parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8'));
      const base = BASES[name];
      for (const path of [
        `${base}`,
        `${base}${folder}/`,
        `${base}${folder}/poster.png`,
        `${base}${folder}/workbook.pdf`,
        `${base}_astro/client.js`,
        '/anything.png',
      ]) {
        const headers = headersFor(path, rules);
        expect(headers.get('x-robots-tag'), `${folder} ${path}`).toMatch(/noindex/);
        expect(headers.get('referrer-policy'), `${folder} ${path}`).toBe('no-referrer');
      }
      const robots = readFileSync(join(dir, 'robots.txt'), 'utf8');
      expect(robots).toMatch(/^User-agent: \*$/m);
      expect(robots.split('\n').filter((line) => /^disallow:\s*\S/i.test(line))).toEqual([]);
      expect(existsSync(join(dir, '.nojekyll'))).toBe(true);
    }
  }
});

test('in a browser, split folders make no foreign requests, break no CSP rule and still work', async ({ browser }) => {
  test.setTimeout(180_000);
  for (const name of Object.keys(BASES) as BaseName[]) {
    const base = BASES[name];
    for (const client of clients.slice(0, 3)) {
      const served = await serveStatic(join(outDir(name), client.slug), { base });
      const context = await browser.newContext();
      await context.addInitScript(() => {
        const violations: string[] = [];
        (window as unknown as { __csp: string[] }).__csp = violations;
        document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
      });
      await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
        `workbook:${client.slug}:answers`,
        JSON.stringify({ version: ANSWERS_VERSION, data: sampleAnswers() }),
      ] as const);
      const page = await context.newPage();
      const problems = watchPage(page, new URL(served.url).origin);
      const notFound: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) notFound.push(`${response.status()} ${response.url()}`);
      });
      try {
        const folder = join(outDir(name), client.slug);
        const pages = listFiles(folder)
          .filter((file) => file.endsWith('index.html'))
          .map((file) => relative(folder, file).replace(/index\.html$/, ''));
        for (const path of pages) {
          await page.goto(`${served.url}${path}`);
          await page.waitForLoadState('networkidle');
          expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), `${base}${path}`).toEqual([]);
        }
        await page.goto(`${served.url}${client.slug}/`);
        const share = page.getByRole('region', { name: 'Share with Jordan Ellis' });
        await share.getByRole('button', { name: 'Create the link' }).click();
        const field = share.getByRole('textbox', { name: 'Link for Jordan Ellis' });
        await expect(field).toHaveValue(
          new RegExp(`^https://coach\\.example/workbooks/coach/${client.slug}/review/#v=1&slug=${client.slug}&crc=[0-9a-f]{8}&d=[A-Za-z0-9_-]+$`),
        );
        const link = await field.inputValue();
        const read = await readShareFragment(link.slice(link.indexOf('#')), client.slug);
        expect(read.ok && read.file.data).toEqual(sampleAnswers());
        expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
        expect(notFound).toEqual([]);
        expect(problems.foreignRequests).toEqual([]);
        expect(problems.pageErrors).toEqual([]);
        expect(problems.consoleErrors).toEqual([]);
      } finally {
        await context.close();
        await served.close();
      }
    }

    // The coach's review folder, alone, opens a client's link.
    const client = clients[0]!;
    const served = await serveStatic(join(outDir(name), REVIEW), { base });
    const context = await browser.newContext();
    try {
      await context.addInitScript(() => {
        const violations: string[] = [];
        (window as unknown as { __csp: string[] }).__csp = violations;
        document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
      });
      const page = await context.newPage();
      const problems = watchPage(page, new URL(served.url).origin);
      const { fragment } = await encodeShareFragment(sampleAnswersFile(client.slug));
      await page.goto(`${served.url}coach/${client.slug}/review/#${fragment}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${client.name}’s answers`);
      await expect(page.getByRole('region', { name: 'Values and their chains' }).getByRole('heading', { level: 3 }).first()).toHaveText('Making things');
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
    } finally {
      await context.close();
      await served.close();
    }
  }
});
