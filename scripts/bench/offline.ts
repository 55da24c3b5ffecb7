import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroBuild } from '../lib/build.ts';
import { clientFolders, writeServiceWorker, writeServiceWorkers } from '../../src/offline/service-worker.ts';
import { BuiltSite } from '../../src/offline/built-site.ts';
import { pageScripts } from '../lib/page-weight.ts';

interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
  note?: string;
}

const CLIENTS = 100;

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

/**
 * Offline support: what it adds to a page, what a client's service worker
 * precaches, and how long writing service workers for 100 clients takes.
 */
export async function run(): Promise<BenchResult[]> {
  const root = join('.tmp', 'bench-offline');
  rmSync(root, { recursive: true, force: true });
  const dist = join(root, 'dist');
  await astroBuild({ outDir: dist });
  const [slug] = clientFolders(dist);
  if (!slug) throw new Error(`error: ${dist}: (build): expected a client folder, found none`);

  const home = pageScripts(await BuiltSite.open(dist), `${slug}/index.html`);
  const registration = home.find((script) => script.text.includes('[data-app-update]'))?.gzip ?? 0;
  const hint = home.find((script) => script.text.includes('[data-install-hint]'))?.gzip ?? 0;
  const sample = await writeServiceWorker({ dir: dist, slug });

  // Many clients: one build's shared files, and the sample client's folder copied under new slugs.
  const many = join(root, 'many');
  mkdirSync(many, { recursive: true });
  for (const entry of readdirSync(dist)) {
    if (statSync(join(dist, entry)).isFile()) cpSync(join(dist, entry), join(many, entry));
  }
  cpSync(join(dist, '_astro'), join(many, '_astro'), { recursive: true });
  for (let index = 0; index < CLIENTS; index += 1) {
    const copy = `client${String(index).padStart(3, '0')}-${'k3m9x2p7q4w8z1r5t6y0'}`;
    mkdirSync(join(many, copy), { recursive: true });
    copyClient(join(dist, slug), join(many, copy), slug, copy);
  }
  const started = performance.now();
  const written = await writeServiceWorkers(many);
  const seconds = (performance.now() - started) / 1000;
  rmSync(root, { recursive: true, force: true });

  return [
    { name: 'offline: service worker registration script', value: registration, unit: 'B gzip', target: '<= 3072 B gzip with the install hint' },
    { name: 'offline: install hint script (workbook home only)', value: hint, unit: 'B gzip', target: '<= 3072 B gzip with the registration' },
    { name: 'offline: precache of the sample client', value: Math.round(sample.size / 1024), unit: 'KB', note: `${sample.urls.length} files` },
    {
      name: `offline: service workers for ${CLIENTS} clients`,
      value: Math.round(seconds * 100) / 100,
      unit: 's',
      target: '<= 10 s',
      note: `${written.size} written; runs after the Astro build`,
    },
  ];
}
