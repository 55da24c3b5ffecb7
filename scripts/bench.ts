// The benchmark: `npm run bench` runs every module in scripts/bench/ (build scaling, poster,
// answers, print, offline, Lighthouse, layout shift, ...) and the page-weight section below, prints a table
// and writes docs/BENCHMARKS.md. It is not a test and does not run in CI. A module is a file that
// exports `run(options)` returning its figures (scripts/lib/bench.ts); one that throws makes the
// whole run exit non-zero, and a figure it could not measure is shown as missing.
//
//   npm run bench                                    everything (about 15 minutes on 2 cores)
//   npm run bench -- --only build-scaling,weight     some sections: module file names, weight
//   npm run bench -- --only build-scaling --sizes 1,10 --runs 1   a quick look
//
// A run with --only, other sizes or fewer runs prints its figures but leaves docs/BENCHMARKS.md alone,
// unless --write is given; a run where a module failed never writes it.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { astroBuild } from './lib/build.ts';
import { machine, meetsTarget, round, type BenchModule, type BenchResult } from './lib/bench.ts';
import { addSizes, formatBytes, initWeigher, type PageWeight, type Sizes } from './lib/page-weight.ts';
import { builtPages, type PageKind } from './lib/pages.ts';

/** Sections written in this file; every other section is a module in scripts/bench/. */
const OWN_SECTIONS = ['weight'] as const;
const MODULE_FOLDER = join(process.cwd(), 'scripts', 'bench');
const MODULES = existsSync(MODULE_FOLDER)
  ? readdirSync(MODULE_FOLDER)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
      .map((name) => name.slice(0, -'.ts'.length))
      .sort()
  : [];
const SECTIONS: string[] = [...MODULES, ...OWN_SECTIONS];

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

const only = flags.only?.split(',').map((name) => name.trim()) ?? SECTIONS;
for (const name of only) if (!SECTIONS.includes(name)) fail(`error: --only: expected some of ${SECTIONS.join(', ')}, found ${JSON.stringify(name)}`);
const sizes = (flags.sizes ?? '').split(',').map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 1))
  fail(`error: --sizes: expected whole numbers such as 1,10,100, found ${JSON.stringify(flags.sizes)}`);
const runs = Number(flags.runs);
if (!Number.isInteger(runs) || runs < 1) fail(`error: --runs: expected a whole number of at least 1, found ${JSON.stringify(flags.runs)}`);
const complete = only.length === SECTIONS.length && flags.sizes === '1,10,100' && runs >= 3;

const ROOT = process.cwd();
const WORK = join('.tmp', 'bench');
const started = new Date();
const results: { section: string; result: BenchResult }[] = [];
const details: string[] = [];

/** Modules that threw, with the first line of what they said. */
const failures: string[] = [];

function record(section: string, result: BenchResult) {
  results.push({ section, result });
  const met = meetsTarget(result.value, result.target);
  const mark = result.value === undefined || !Number.isFinite(result.value) ? '  MISSING' : met === undefined ? '' : met ? '  ok' : '  MISSED';
  console.log(
    `  ${result.name}: ${round(result.value)} ${result.unit}${result.target ? ` (target ${result.target})` : ''}${mark}${result.note ? ` · ${result.note}` : ''}`,
  );
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------
// Page weight, on the sample site
// ---------------------------------------------------------------------------

const SITE = join(WORK, 'site');

async function buildSampleSite() {
  if (existsSync(join(SITE, 'index.html'))) return;
  console.log('\nBuilding the sample site for Lighthouse and page weight');
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
// Every module in scripts/bench/
// ---------------------------------------------------------------------------

async function benchModule(name: string) {
  console.log(`\n${name} (scripts/bench/${name}.ts)`);
  try {
    const module = (await import(pathToFileURL(join(MODULE_FOLDER, `${name}.ts`)).href)) as Partial<BenchModule>;
    if (typeof module.run !== 'function') throw new Error(`scripts/bench/${name}.ts: run: expected an exported function, found ${typeof module.run}`);
    const report = await module.run({ sizes, runs });
    const list = Array.isArray(report) ? report : report.results;
    if (list.length === 0) throw new Error(`scripts/bench/${name}.ts: run(): expected figures, found none`);
    for (const result of list) record(name, result);
    if (!Array.isArray(report) && report.details) details.push(...report.details);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`  FAILED: ${message}`);
    failures.push(`${name}: ${message.split('\n')[0]}`);
  }
}

// ---------------------------------------------------------------------------

function writeReport() {
  const box = machine();
  const date = started.toISOString().slice(0, 10);
  const summary = results.map(({ section, result }) => {
    const met = meetsTarget(result.value, result.target);
    return [
      section,
      result.name,
      result.target ?? '—',
      `${round(result.value)} ${result.unit}`,
      met === undefined ? '—' : met ? 'yes' : '**no**',
      result.note ?? '',
      date,
    ];
  });
  const text = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (scripts/bench.ts); do not edit by hand. The benchmark measures, it does not gate: the quality gates live in `npm test`.',
    '',
    `- Date: ${started.toISOString().replace('T', ' ').slice(0, 16)} UTC`,
    `- Machine: ${box.cpu}, ${box.cores} cores, ${box.ramGiB} GiB RAM, ${box.os}`,
    `- Node ${box.node}; load average at the end of the run: ${box.load}`,
    `- Repetitions: builds ${runs} timed runs after a warm-up (median); each module says how often it measures`,
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
  for (const name of MODULES) if (only.includes(name)) await benchModule(name);
  if (only.includes('weight')) await benchWeight();
} finally {
  rmSync(SITE, { recursive: true, force: true });
}

console.log('\nSummary');
const header = ['measure', 'target', 'measured', 'met'];
const rows = results.map(({ result }) => {
  const met = meetsTarget(result.value, result.target);
  return [result.name, result.target ?? '', `${round(result.value)} ${result.unit}`, met === undefined ? '' : met ? 'yes' : 'NO'];
});
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));

if (failures.length > 0) {
  console.error(`\n${failures.length} module${failures.length === 1 ? '' : 's'} failed, so docs/BENCHMARKS.md was left as it was:`);
  for (const failure of failures) console.error(`  ${failure}`);
  process.exit(1);
}
if (flags.write || complete) writeReport();
else console.log('\nA partial run: docs/BENCHMARKS.md left as it was (add --write to replace it).');
