// The benchmark: `npm run bench` measures build scaling against a bare Astro project,
// page weight per page type, and every module in scripts/bench/ (Lighthouse and layout shift among them),
// prints a table and writes docs/BENCHMARKS.md. It is not a test and does not run in CI.
//
//   npm run bench                          everything (about 15 minutes on 2 cores)
//   npm run bench -- --only build,weight   some sections: build, clients, weight, modules
//   npm run bench -- --sizes 1,10 --runs 1   a quick look
//   node scripts/bench/layout-shift.ts     one module alone (each module says how)
//
// A run with --only, other sizes or fewer runs prints its figures but leaves docs/BENCHMARKS.md alone,
// unless --write is given.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { astroBuild } from './lib/build.ts';
import { machine, measureCommand, median, meetsTarget, round, type BenchResult, type Measured } from './lib/bench.ts';
import { addSizes, formatBytes, initWeigher, type PageWeight, type Sizes } from './lib/page-weight.ts';
import { builtPages, type PageKind } from './lib/pages.ts';
import { writeBareProject, writeBareRouteProject, writeSyntheticContent } from './lib/synthetic.ts';
import { IMAGE_CACHE_FOLDER } from '../src/poster/build-pool.ts';

const SECTIONS = ['build', 'clients', 'weight', 'modules'] as const;
type Section = (typeof SECTIONS)[number];

const { values: flags } = parseArgs({
  options: {
    only: { type: 'string' },
    sizes: { type: 'string', default: '1,10,100' },
    runs: { type: 'string', default: '3' },
    write: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const only = flags.only?.split(',').map((name) => name.trim()) ?? [...SECTIONS];
for (const name of only)
  if (!SECTIONS.includes(name as Section)) fail(`error: --only: ${name}: expected one of ${SECTIONS.join(', ')}, found ${JSON.stringify(name)}`);
const sizes = (flags.sizes ?? '').split(',').map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 1))
  fail(`error: --sizes: expected whole numbers such as 1,10,100, found ${JSON.stringify(flags.sizes)}`);
const runs = Number(flags.runs);
if (!Number.isInteger(runs) || runs < 1) fail(`error: --runs: expected a whole number of at least 1, found ${JSON.stringify(flags.runs)}`);
const complete = only.length === SECTIONS.length && flags.sizes === '1,10,100' && runs >= 3;
const shouldWrite = flags.write || complete;

const ROOT = process.cwd();
// Inside the project: CONTENT_DIR is read relative to it, and the bare project resolves packages from its node_modules.
const WORK = join('.tmp', 'bench');
const ASTRO_BIN = resolve(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const BUILD_ENV = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const started = new Date();
const results: { section: string; result: BenchResult }[] = [];
const details: string[] = [];

/** A figure as shown: `missing` when it was not measured, never 0. */
function shown(result: BenchResult): string {
  return Number.isNaN(result.value) ? 'missing' : `${round(result.value)} ${result.unit}`;
}

function record(section: string, result: BenchResult) {
  results.push({ section, result });
  const met = meetsTarget(result.value, result.target);
  const mark = met === undefined ? '' : met ? '  ok' : '  MISSED';
  console.log(`  ${result.name}: ${shown(result)}${result.target ? ` (target ${result.target})` : ''}${mark}${result.note ? ` · ${result.note}` : ''}`);
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------
// 1. Build scaling against the stack's own floor
// ---------------------------------------------------------------------------

interface BuildFigures {
  label: string;
  pages: number;
  runs: Measured[];
}

function summarise(figures: BuildFigures) {
  const wall = median(figures.runs.map((run) => run.wallS));
  return {
    wall,
    cpu: median(figures.runs.map((run) => run.cpuS)),
    rss: median(figures.runs.map((run) => run.peakRssMB)),
    pagesPerS: figures.pages / wall,
    spread: `${round(Math.min(...figures.runs.map((run) => run.wallS)))}–${round(Math.max(...figures.runs.map((run) => run.wallS)))} s`,
  };
}

async function benchBuilds() {
  console.log(`\nBuild scaling: N = ${sizes.join(', ')} clients, ${runs} timed runs each after one warm-up`);
  const rows: string[][] = [];
  for (const size of sizes) {
    const content = join(WORK, `content-${size}`);
    const out = join(WORK, `out-${size}`);
    writeSyntheticContent(content, size);
    // Warm-up through the project's own build helper: it also proves the synthetic content builds.
    await astroBuild({ contentDir: content, outDir: out });
    const pages = builtPages(out).length;
    const bareFiles = writeBareProject(join(WORK, `bare-files-${size}`), pages);
    const bareRoute = writeBareRouteProject(join(WORK, `bare-route-${size}`), pages);
    const ours: BuildFigures = { label: 'ours', pages, runs: [] };
    const oursDrawing: BuildFigures = { label: 'ours, every image drawn', pages, runs: [] };
    const files: BuildFigures = { label: `bare Astro, ${pages} MDX files`, pages: 0, runs: [] };
    const route: BuildFigures = { label: `bare Astro, 1 MDX route × ${pages}`, pages: 0, runs: [] };
    const buildOurs = () => measureCommand(process.execPath, [ASTRO_BIN, 'build'], { cwd: ROOT, env: { ...BUILD_ENV, CONTENT_DIR: content, OUT_DIR: out } });
    // The images a build draws are kept in the content folder's Astro cache; without them a build draws every poster.
    const imageCache = join(content, '.astro-cache', IMAGE_CACHE_FOLDER);
    const buildOursDrawing = () => {
      rmSync(imageCache, { recursive: true, force: true });
      return buildOurs();
    };
    const buildBare = (dir: string) => measureCommand(process.execPath, [ASTRO_BIN, 'build'], { cwd: resolve(dir), env: { ...BUILD_ENV, OUT_DIR: 'dist' } });
    await buildBare(bareFiles);
    await buildBare(bareRoute);
    files.pages = builtPages(join(bareFiles, 'dist')).length;
    route.pages = builtPages(join(bareRoute, 'dist')).length;
    // Interleaved, so a burst of load elsewhere on the machine lands on all three alike.
    for (let run = 0; run < runs; run += 1) {
      ours.runs.push(await buildOurs());
      files.runs.push(await buildBare(bareFiles));
      oursDrawing.runs.push(await buildOursDrawing());
      route.runs.push(await buildBare(bareRoute));
    }
    // The next warm run finds the images again.
    await buildOurs();
    const [o, d, f, r] = [summarise(ours), summarise(oursDrawing), summarise(files), summarise(route)];
    for (const [figures, summary] of [
      [ours, o],
      [oursDrawing, d],
      [files, f],
      [route, r],
    ] as const) {
      rows.push([
        String(size),
        figures.label,
        String(figures.pages),
        `${round(summary.wall)} s`,
        summary.spread,
        Number.isNaN(summary.cpu) ? 'n/a' : `${round(summary.cpu)} s`,
        `${round(summary.pagesPerS)}`,
        `${round(summary.rss)} MB`,
      ]);
    }
    const label = `${size} client${size === 1 ? '' : 's'}`;
    record('Build scaling', {
      name: `build ${label} (${pages} pages)`,
      value: o.wall,
      unit: 's',
      target: size === 100 ? '<= 60 s' : undefined,
      note: `${round(o.pagesPerS)} pages/s, peak RSS ${round(o.rss)} MB, median of ${runs}`,
    });
    record('Build scaling', {
      name: `build ${label}: ours / bare Astro (${pages} MDX files)`,
      value: o.wall / f.wall,
      unit: 'x',
      target: size === 100 ? '<= 1.3x' : undefined,
      note: `bare ${round(f.wall)} s; CPU time ours ${round(o.cpu)} s / bare ${round(f.cpu)} s = ${round(o.cpu / f.cpu)}x`,
    });
    record('Build scaling', {
      name: `build ${label}, every image drawn: ours / bare Astro (${pages} MDX files)`,
      value: d.wall / f.wall,
      unit: 'x',
      note: `ours ${round(d.wall)} s with no images kept from an earlier build (a first build, or every client's themes changed); CPU time ${round(d.cpu)} s`,
    });
    record('Build scaling', {
      name: `build ${label}: ours / bare Astro (1 MDX route, ${pages} pages)`,
      value: o.wall / r.wall,
      unit: 'x',
      note: `bare ${round(r.wall)} s; CPU time ours ${round(o.cpu)} s / bare ${round(r.cpu)} s = ${round(o.cpu / r.cpu)}x; the stricter floor, since our clients share one workbook's MDX`,
    });
    for (const dir of [out, join(bareFiles, 'dist'), join(bareRoute, 'dist')]) rmSync(dir, { recursive: true, force: true });
  }
  details.push(
    '## Build scaling',
    '',
    `Synthetic clients (9 themes each, names and themes in Latin, Cyrillic, Greek, Hebrew, Arabic, Devanagari, CJK and emoji) built with \`astro build\`; wall time is the median of ${runs} runs after one warm-up, with the range. ` +
      'CPU is user + system time and peak RSS the largest resident memory, both from GNU time. ' +
      'The bare projects use the same Astro, MDX and React packages (this project’s node_modules): “MDX files” has one MDX page file per page, each importing a React island, as the issue specifies; ' +
      '“1 MDX route” renders one MDX page with one island through a single dynamic route, which is closer to how this project renders a shared workbook for every client. ' +
      '“ours” rebuilds with the posters, link previews and icons an earlier build drew still kept in Astro’s cache folder (src/poster/image-cache.ts), as when a coach rebuilds after a change; ' +
      '“every image drawn” empties that folder before each run, as a first build or a fresh deploy machine would.',
    '',
    table(['N', 'project', 'pages', 'wall (median)', 'range', 'CPU', 'pages/s', 'peak RSS'], rows),
    '',
  );
}

// ---------------------------------------------------------------------------
// 2. npm run build:clients, where it exists
// ---------------------------------------------------------------------------

async function benchBuildClients() {
  console.log('\nPer-client deploy folders (npm run build:clients)');
  if (existsSync(join(ROOT, 'scripts', 'bench', 'build-clients.ts'))) {
    console.log('  measured by scripts/bench/build-clients.ts (see the modules section)');
    return;
  }
  if (!existsSync(join(ROOT, 'scripts', 'build-clients.ts'))) {
    console.log('  skipped: scripts/build-clients.ts does not exist yet');
    details.push('## Per-client deploy folders', '', 'Not measured: `npm run build:clients` does not exist yet.', '');
    return;
  }
  const content = join(WORK, 'content-100');
  writeSyntheticContent(content, 100);
  const measured = await measureCommand(process.execPath, ['scripts/build-clients.ts'], { cwd: ROOT, env: { ...BUILD_ENV, CONTENT_DIR: content } });
  record('Per-client deploy folders', {
    name: 'build:clients, 100 clients',
    value: measured.wallS,
    unit: 's',
    note: `one run, peak RSS ${round(measured.peakRssMB)} MB`,
  });
}

// ---------------------------------------------------------------------------
// 3. Page weight, on the sample site
// ---------------------------------------------------------------------------

const SITE = join(WORK, 'site');

async function buildSampleSite() {
  if (existsSync(join(SITE, 'index.html'))) return;
  console.log('\nBuilding the sample site for page weight');
  await astroBuild({ outDir: SITE });
}

/** The Web Almanac 2025 median mobile page ships 632 KB of JavaScript (transfer size). */
const ALMANAC_JS_BYTES = 632_000;

async function benchWeight() {
  await buildSampleSite();
  console.log('\nPage weight per page type (sample site)');
  const weigher = await initWeigher({ dist: SITE });
  const byKind = new Map<PageKind, PageWeight[]>();
  for (const page of builtPages(SITE)) byKind.set(page.kind, [...(byKind.get(page.kind) ?? []), weigher.weigh(page)]);
  const rows: string[][] = [];
  const both = (sizes: Sizes) => `${formatBytes(sizes.gzip)} / ${formatBytes(sizes.brotli)}`;
  for (const [kind, weights] of byKind) {
    // The heaviest page of each kind stands for it.
    const weight = [...weights].sort((a, b) => b.js.brotli + b.html.brotli + b.css.brotli - (a.js.brotli + a.html.brotli + a.css.brotli))[0];
    if (!weight) continue;
    const lazy = addSizes(weight.lazy.map((asset) => asset.sizes));
    const total = addSizes([weight.html, weight.css, weight.js]);
    rows.push([
      kind,
      String(weights.length),
      both(weight.html),
      both(weight.css),
      both(weight.js),
      lazy.raw > 0 ? both(lazy) : '0 B',
      both(total),
      `${((weight.js.brotli / ALMANAC_JS_BYTES) * 100).toFixed(1)} %`,
    ]);
    record('Page weight', {
      name: `${kind}: JavaScript on load, brotli`,
      value: weight.js.brotli / 1000,
      unit: 'KB',
      note: `${((weight.js.brotli / ALMANAC_JS_BYTES) * 100).toFixed(1)} % of the Web Almanac 2025 median mobile page’s 632 KB; HTML+CSS+JS ${formatBytes(total.brotli)} brotli`,
    });
  }
  details.push(
    '## Page weight per page type',
    '',
    'What each kind of page makes a browser download on load, from its HTML: the page, its stylesheets, and the JavaScript it runs (scripts, island components and renderers and their static imports), gzip (level 9) / brotli (quality 11), 1 KB = 1000 bytes. ' +
      '“Later” is JavaScript and wasm loaded only on demand (dynamic imports), such as the poster engine. Fonts are left out: they load per script, only when a page uses its characters. ' +
      'Where several pages share a kind, the heaviest stands for it. The Web Almanac 2025 median mobile page ships 632 KB of JavaScript.',
    '',
    table(['page type', 'pages', 'HTML gz / br', 'CSS gz / br', 'JS on load gz / br', 'JS later gz / br', 'total gz / br', 'JS vs median page'], rows),
    '',
  );
}

// ---------------------------------------------------------------------------
// 4. Every module in scripts/bench/
// ---------------------------------------------------------------------------

async function benchModules() {
  const folder = join(ROOT, 'scripts', 'bench');
  const files = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts')) : [];
  console.log(`\nBenchmark modules in scripts/bench/: ${files.length === 0 ? 'none yet' : files.join(', ')}`);
  const ran: string[] = [];
  for (const file of files.sort()) {
    const section = file.replace(/\.ts$/, '');
    try {
      const module = (await import(pathToFileURL(join(folder, file)).href)) as { run?: () => Promise<BenchResult[]> };
      if (typeof module.run !== 'function') {
        console.log(`  ${file}: no run() export, skipped`);
        continue;
      }
      console.log(`  ${file}:`);
      for (const result of await module.run()) record(section, result);
      ran.push(file);
    } catch (error) {
      // A module that fails fails the bench: its figures are missing, not zero.
      process.exitCode = 1;
      console.error(`  ${file} failed: ${(error as Error).message}`);
      ran.push(`${file} (failed: ${(error as Error).message.split('\n')[0]})`);
    }
  }
  details.push('## Benchmark modules', '', files.length === 0 ? 'No modules in `scripts/bench/` yet.' : `Ran: ${ran.join(', ')}.`, '');
}

// ---------------------------------------------------------------------------

function writeReport() {
  const box = machine();
  const date = started.toISOString().slice(0, 10);
  const summary = results.map(({ section, result }) => {
    const met = meetsTarget(result.value, result.target);
    return [section, result.name, result.target ?? '—', shown(result), met === undefined ? '—' : met ? 'yes' : '**no**', result.note ?? '', date];
  });
  const text = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (scripts/bench.ts); do not edit by hand. The benchmark measures, it does not gate: the quality gates live in `npm test`.',
    '',
    `- Date: ${started.toISOString().replace('T', ' ').slice(0, 16)} UTC`,
    `- Machine: ${box.cpu}, ${box.cores} cores, ${box.ramGiB} GiB RAM, ${box.os}`,
    `- Node ${box.node}; load average at the end of the run: ${box.load}`,
    `- Repetitions: builds ${runs} timed runs after a warm-up (median); each module says its own`,
    '',
    '## Summary',
    '',
    table(['area', 'measure', 'target', 'measured', 'met', 'notes', 'date'], summary),
    '',
    ...details,
  ].join('\n');
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  writeFileSync(join(ROOT, 'docs', 'BENCHMARKS.md'), text);
  console.log('\nWrote docs/BENCHMARKS.md');
}

mkdirSync(WORK, { recursive: true });
rmSync(SITE, { recursive: true, force: true });
try {
  if (only.includes('build')) await benchBuilds();
  if (only.includes('clients')) await benchBuildClients();
  if (only.includes('weight')) await benchWeight();
  if (only.includes('modules')) await benchModules();
} finally {
  rmSync(SITE, { recursive: true, force: true });
}

console.log('\nSummary');
const header = ['measure', 'target', 'measured', 'met'];
const rows = results.map(({ result }) => {
  const met = meetsTarget(result.value, result.target);
  return [result.name, result.target ?? '', shown(result), met === undefined ? '' : met ? 'yes' : 'NO'];
});
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));

if (shouldWrite) writeReport();
else console.log('\nA partial run: docs/BENCHMARKS.md left as it was (add --write to replace it).');
