// Lighthouse on the pages a client opens first: the workbook home, a homework page and the
// poster page, each from a cold cache with Lighthouse's mobile preset, several runs each.
//
//   npm run bench                                  runs it with the other modules
//   node scripts/bench/lighthouse.ts               this module alone, on a fresh build
//   node scripts/bench/lighthouse.ts --dist dist --runs 1   on an existing build, fewer runs
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { astroBuild } from '../lib/build.ts';
import { median, standaloneFlags, type BenchResult } from '../lib/bench.ts';
import { findChromium } from '../lib/chromium.ts';
import { builtPages, type BuiltPage, type PageKind } from '../lib/pages.ts';
import { serveCompressed } from '../lib/serve.ts';

const RUNS = 5;

const CATEGORIES: { id: string; title: string; target?: string }[] = [
  { id: 'performance', title: 'Performance', target: '= 100' },
  { id: 'accessibility', title: 'Accessibility', target: '= 100' },
  { id: 'best-practices', title: 'Best Practices', target: '= 100' },
  { id: 'seo', title: 'SEO' },
];

interface Report {
  lighthouseVersion: string;
  configSettings: { formFactor: string; throttlingMethod: string; disableStorageReset: boolean; screenEmulation: { width: number; height: number } };
  categories: Record<string, { score: number | null } | undefined>;
  audits: Record<string, { numericValue?: number; details?: { items?: { observedFirstContentfulPaint?: number; observedLoad?: number }[] } } | undefined>;
}

const require = createRequire(import.meta.url);
const LIGHTHOUSE = join(dirname(require.resolve('lighthouse/package.json')), 'cli', 'index.js');

/**
 * The Chromium features Lighthouse's launcher (chrome-launcher) turns off, less RenderDocument,
 * which Chromium ships on. With RenderDocument off, the headless Chromium here often holds a
 * loaded page's first paint for one or two whole seconds while its compositor throttles frames
 * (GoogleChrome/lighthouse#17148 describes the same stall on PageSpeed Insights), and Lighthouse's
 * simulation then counts every request that finished before that late paint. A phone's browser
 * runs with RenderDocument on. The list is read from the installed launcher, so the rest of its
 * choices stay as they are; Chromium takes the last --disable-features it is given.
 */
export async function launcherFeaturesOff(): Promise<{ flag: string; changed: boolean }> {
  const fromLighthouse = createRequire(require.resolve('lighthouse/package.json'));
  const launcher = (await import(pathToFileURL(fromLighthouse.resolve('chrome-launcher')).href)) as { Launcher: { defaultFlags(): string[] } };
  const prefix = '--disable-features=';
  const listed = launcher.Launcher.defaultFlags().find((flag) => flag.startsWith(prefix));
  const features = (listed ?? prefix).slice(prefix.length).split(',').filter(Boolean);
  const kept = features.filter((feature) => feature !== 'RenderDocument');
  return { flag: kept.length > 0 ? `${prefix}${kept.join(',')}` : '', changed: kept.length !== features.length };
}

/** How many runs painted more than half a second after the page had loaded: the stall above. */
function lateFirstPaints(reports: readonly Report[]): number {
  return reports.filter((report) => {
    const metrics = report.audits.metrics?.details?.items?.[0];
    const paint = metrics?.observedFirstContentfulPaint;
    const load = metrics?.observedLoad;
    return typeof paint === 'number' && typeof load === 'number' && paint > load + 500;
  }).length;
}

/** The version of Lighthouse installed, as the reports also say. */
export function lighthouseVersion(): string {
  return (JSON.parse(readFileSync(require.resolve('lighthouse/package.json'), 'utf8')) as { version: string }).version;
}

/**
 * One Lighthouse run with its mobile preset (a mid-range phone, simulated slow 4G and a 4x slower
 * processor). Lighthouse clears the browser's cache and storage before it loads the page, so every
 * run is a first visit; the report's settings are checked to say so.
 */
function lighthouse(url: string, output: string, chrome: string, featuresOff: string): Promise<Report> {
  const args = [
    LIGHTHOUSE,
    url,
    '--output=json',
    `--output-path=${output}`,
    '--quiet',
    '--form-factor=mobile',
    `--chrome-flags=--headless=new --no-sandbox --disable-gpu ${featuresOff}`.trim(),
    `--only-categories=${CATEGORIES.map((category) => category.id).join(',')}`,
  ];
  return new Promise((done, reject) => {
    // Asynchronous on purpose: the static server runs in this process and must keep answering.
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: chrome } });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`lighthouse failed on ${url} (exit ${code})\n${errors.slice(-2000)}`));
        return;
      }
      const report = JSON.parse(readFileSync(output, 'utf8')) as Report;
      rmSync(output, { force: true });
      const settings = report.configSettings;
      if (settings.formFactor !== 'mobile' || settings.disableStorageReset)
        reject(
          new Error(
            `lighthouse on ${url}: expected the mobile preset from a cold cache, found form factor ${settings.formFactor}, storage reset ${!settings.disableStorageReset}`,
          ),
        );
      else done(report);
    });
  });
}

/** A figure, or NaN when the report does not have it: a missing figure is reported missing, never 0. */
function score(report: Report, category: string): number {
  const value = report.categories[category]?.score;
  return typeof value === 'number' ? Math.round(value * 100) : Number.NaN;
}

function audit(report: Report, id: string): number {
  const value = report.audits[id]?.numericValue;
  return typeof value === 'number' ? value : Number.NaN;
}

/** Shown as `missing` when any run lacks it. */
function figure(values: number[], format: (value: number) => string): string {
  return values.some((value) => Number.isNaN(value)) ? 'missing' : format(median(values));
}

export async function run(options: { dist?: string; runs?: number } = {}): Promise<BenchResult[]> {
  // At least five runs a page in the full bench (Lighthouse varies from run to run); fewer only when asked on the command line.
  const runs = Math.max(options.runs ?? RUNS, options.dist === undefined ? RUNS : 1);
  const work = join('.tmp', 'bench-lighthouse');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  let dist = options.dist;
  if (!dist) {
    dist = join(work, 'dist');
    await astroBuild({ outDir: dist });
  }
  const pages = builtPages(dist);
  const pick = (kind: PageKind, prefer?: string): BuiltPage | undefined =>
    pages.find((page) => page.kind === kind && (!prefer || page.path.endsWith(`/${prefer}/`))) ?? pages.find((page) => page.kind === kind);
  const targets = [
    ['workbook home', pick('client home')],
    ['homework page', pick('homework page', 'value-chains')],
    ['poster page', pick('poster page')],
  ] as const;
  const chrome = await findChromium();
  if (!chrome) throw new Error('error: Chromium: expected /usr/bin/chromium or CHROMIUM_PATH for Lighthouse, found none');
  const version = lighthouseVersion();
  const featuresOff = await launcherFeaturesOff();
  const server = await serveCompressed(resolve(dist));
  const results: BenchResult[] = [];
  try {
    for (const [label, page] of targets) {
      if (!page) throw new Error(`error: ${dist}: expected a ${label}, found none`);
      const reports: Report[] = [];
      for (let index = 0; index < runs; index += 1)
        reports.push(await lighthouse(`${server.url}${page.path.slice(1)}`, join(work, `report-${index}.json`), chrome, featuresOff.flag));
      const ran = new Set(reports.map((report) => report.lighthouseVersion));
      if ([...ran].some((seen) => seen !== version)) throw new Error(`error: lighthouse: expected version ${version} to run, found ${[...ran].join(', ')}`);
      const settings = reports[0]?.configSettings;
      const how =
        `Lighthouse ${[...ran].join(', ')}, mobile preset (${settings?.screenEmulation.width}x${settings?.screenEmulation.height}, ${settings?.throttlingMethod} throttling), cold cache` +
        (featuresOff.changed ? ', Chromium with RenderDocument on as it ships' : '') +
        `; first paint held past load in ${lateFirstPaints(reports)} of ${runs} runs`;
      const metric = (id: string) => reports.map((report) => audit(report, id));
      const timings = [
        `FCP ${figure(metric('first-contentful-paint'), (value) => `${Math.round(value)} ms`)}`,
        `LCP ${figure(metric('largest-contentful-paint'), (value) => `${Math.round(value)} ms`)}`,
        `TBT ${figure(metric('total-blocking-time'), (value) => `${Math.round(value)} ms`)}`,
        `CLS ${figure(metric('cumulative-layout-shift'), (value) => value.toFixed(3))}`,
      ].join(', ');
      for (const category of CATEGORIES) {
        const values = reports.map((report) => score(report, category.id));
        results.push({
          name: `Lighthouse ${label}: ${category.title}`,
          value: values.some((value) => Number.isNaN(value)) ? Number.NaN : median(values),
          unit: 'score',
          target: category.target,
          note:
            category.id === 'seo'
              ? 'noindex on every page by design, so “blocked from indexing” always fails'
              : `median of ${runs}, runs: ${values.map((value) => (Number.isNaN(value) ? 'missing' : String(value))).join(', ')}` +
                (category.id === 'performance' ? `; medians ${timings}; ${how}` : ''),
        });
      }
    }
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const result of await run(standaloneFlags(RUNS)))
    console.log(
      `${result.name}: ${Number.isNaN(result.value) ? 'missing' : result.value} ${result.unit}${result.target ? ` (target ${result.target})` : ''} · ${result.note}`,
    );
}
