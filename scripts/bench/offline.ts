import { chromium } from '@playwright/test';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { BuiltSite } from '../../src/offline/built-site.ts';
import { clientFolders, writeServiceWorker, writeServiceWorkers } from '../../src/offline/service-worker.ts';
import { median, round, type BenchResult } from '../lib/bench.ts';
import { astroBuild } from '../lib/build.ts';
import { createFixtureProject } from '../lib/fixture-project.ts';
import { CHROMIUM_ARGS, findChromium } from '../lib/chromium.ts';
import { pageScripts } from '../lib/page-weight.ts';
import { serveStatic } from '../lib/serve.ts';

const CLIENTS = 100;
/** Page opens timed for offline readiness; the median is reported. */
const READY_RUNS = 5;
/** Theme names in Japanese, for a client whose workbook is not in Latin script. */
const JAPANESE_THEMES = ['創造性', '家族', '成長', '自律', '誠実', '冒険', '健康', '影響', '学び'];
const COMPRESSED = /\.(html|css|js|json|webmanifest|svg|wasm)$/;

/** Copies every file of `from` to `to`, writing `slug` in place of `original` in text files. */
function copyClient(from: string, to: string, original: string, slug: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      mkdirSync(target, { recursive: true });
      copyClient(source, target, original, slug);
    } else if (/\.(html|webmanifest)$/.test(entry.name)) {
      writeFileSync(target, readFileSync(source, 'utf8').replaceAll(original, slug));
    } else if (entry.name !== 'sw.js') {
      cpSync(source, target);
    }
  }
}

/** Writes a brotli copy (`.br`) beside every text file, as a static host precompresses them. */
function precompress(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) precompress(path);
    else if (COMPRESSED.test(entry.name))
      writeFileSync(`${path}.br`, brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}

/** The sample client's content with its theme names in Japanese. */
/** A fixture project whose clients' themes are Japanese; returns its root. */
function japaneseProject(root: string): string {
  const { root: project, content } = createFixtureProject(join(root, 'project-ja'));
  const clients = join(content, 'clients');
  for (const file of readdirSync(clients)) {
    let index = 0;
    const yaml = readFileSync(join(clients, file), 'utf8').replace(
      /^(\s+- name: ).*$/gm,
      (_line, lead: string) => `${lead}${JAPANESE_THEMES[index++ % JAPANESE_THEMES.length]}`,
    );
    writeFileSync(join(clients, file), yaml);
  }
  return project;
}

/**
 * Milliseconds from opening the workbook home to the service worker being active
 * (its precache complete), on a fresh browser profile each time, served compressed.
 */
async function timesToOfflineReady(dir: string, slug: string): Promise<number[]> {
  const served = await serveStatic(dir, { brotli: true });
  const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
  const times: number[] = [];
  try {
    for (let run = 0; run < READY_RUNS; run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${served.url}${slug}/`);
      times.push(
        await page.evaluate(async () => {
          const registration = await navigator.serviceWorker.ready;
          if (registration.active?.state !== 'activated') {
            await new Promise((done) => registration.active?.addEventListener('statechange', done, { once: true }));
          }
          return performance.now();
        }),
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await served.close();
  }
  return times;
}

/**
 * Offline support: what it adds to a page, what a client's service worker
 * precaches (a Latin-script client and one whose themes are in Japanese), how
 * soon a first visit is ready to work offline, and how long writing service
 * workers for 100 clients takes.
 */
export async function run(): Promise<BenchResult[]> {
  const root = join('.tmp', 'bench-offline');
  rmSync(root, { recursive: true, force: true });
  const dist = join(root, 'dist');
  await astroBuild({ outDir: dist });
  const [slug] = clientFolders(dist);
  if (!slug) throw new Error(`error: ${dist}: (build): expected a client folder, found none`);

  const home = pageScripts(await BuiltSite.open(dist), `${slug}/index.html`);
  const registration = home.find((script) => script.text.includes('[data-app-update]'))?.gzip;
  const hint = home.find((script) => script.text.includes('[data-install-hint]'))?.gzip;
  const sample = await writeServiceWorker({ dir: dist, slug });

  const japaneseDist = join(root, 'dist-ja');
  await astroBuild({ root: japaneseProject(root), outDir: japaneseDist });
  const japanese = await writeServiceWorker({ dir: japaneseDist, slug });

  precompress(dist);
  const ready = await timesToOfflineReady(dist, slug);

  // Many clients: one build's shared files, and the sample client's folder copied under new slugs.
  const many = join(root, 'many');
  mkdirSync(many, { recursive: true });
  for (const entry of readdirSync(dist)) {
    if (statSync(join(dist, entry)).isFile() && !entry.endsWith('.br')) cpSync(join(dist, entry), join(many, entry));
  }
  cpSync(join(dist, '_astro'), join(many, '_astro'), { recursive: true, filter: (source) => !source.endsWith('.br') });
  for (let index = 0; index < CLIENTS; index += 1) {
    const copy = `client${String(index).padStart(3, '0')}-${'k3m9x2p7q4w8z1r5t6y0'}`;
    mkdirSync(join(many, copy), { recursive: true });
    copyClient(join(dist, slug), join(many, copy), slug, copy);
  }
  const started = performance.now();
  const written = await writeServiceWorkers(many);
  const seconds = (performance.now() - started) / 1000;
  rmSync(root, { recursive: true, force: true });

  const missing = (value: number | undefined) => (value === undefined ? Number.NaN : value);
  return [
    { name: 'offline: service worker registration script', value: missing(registration), unit: 'B gzip', target: '<= 3072 B gzip with the install hint' },
    { name: 'offline: install hint script (workbook home only)', value: missing(hint), unit: 'B gzip', target: '<= 3072 B gzip with the registration' },
    {
      name: 'offline: precache of a Latin-script client (the sample)',
      value: Math.round(sample.size / 1000),
      unit: 'KB',
      target: '<= 1500 KB',
      note: `${sample.urls.length} files`,
    },
    {
      name: 'offline: precache of a client with Japanese themes',
      value: Math.round(japanese.size / 1000),
      unit: 'KB',
      target: '<= 1500 KB',
      note: `${japanese.urls.length} files`,
    },
    {
      name: 'offline: first page open to offline-ready, loopback, brotli',
      value: Math.round(median(ready)) / 1000,
      unit: 's',
      target: '<= 5 s',
      note: `median of ${ready.length} fresh profiles (${ready.map((ms) => round(ms / 1000)).join(', ')} s)`,
    },
    {
      name: `offline: service workers for ${CLIENTS} clients`,
      value: Math.round(seconds * 100) / 100,
      unit: 's',
      target: '<= 10 s',
      note: `${written.size} written; runs after the Astro build`,
    },
  ];
}
