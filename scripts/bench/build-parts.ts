/**
 * What each part of this project that the bare Astro floor lacks costs a first build of the
 * sample client: the same first build as build-scaling's, with one part switched off at a
 * time (scripts/lib/build-parts.ts), then with all of them off, against the same bare
 * one-route project. The variants and the floor are interleaved, run after run.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { machine, round, type BenchOptions, type BenchReport, type BenchResult } from '../lib/bench.ts';
import { PARTS, type Part } from '../lib/build-parts.ts';
import { createFixtureProject, REPO_ROOT } from '../lib/fixture-project.ts';
import { builtPages } from '../lib/pages.ts';
import { writeBareRouteProject } from '../lib/synthetic.ts';
import { firstBuild, mid, type Run } from './build-scaling.ts';

const WORK = join('.tmp', 'bench', 'build-parts');
const ENV = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

interface Variant {
  key: string;
  label: string;
  off: Part[];
}

const ALL = Object.keys(PARTS) as Part[];
const VARIANTS: Variant[] = [
  { key: 'full', label: 'every part', off: [] },
  ...ALL.map((part) => ({ key: `no-${part}`, label: `without ${PARTS[part]}`, off: [part] })),
  { key: 'none', label: 'without any of them', off: ALL },
];

/** A fixture project of the sample client whose config switches `off` the given parts. */
function variantProject(variant: Variant): string {
  const { root } = createFixtureProject(join(WORK, variant.key), { copyContent: true });
  const toRepo = relative(root, REPO_ROOT).split('\\').join('/') || '.';
  writeFileSync(
    join(root, 'astro.config.mjs'),
    `// A benchmark fixture: this repository's site without some of its parts; never deployed.
import config from '${toRepo}/astro.config.mjs';
import { withoutParts } from '${toRepo}/scripts/lib/build-parts.ts';

export default withoutParts({ ...config, srcDir: '${toRepo}/src', publicDir: '${toRepo}/public', outDir: './dist' }, ${JSON.stringify(variant.off)});
`,
  );
  return root;
}

const seconds = (value: number | undefined) => (value === undefined ? 'missing' : `${round(value)} s`);

export async function run({ runs }: BenchOptions): Promise<BenchReport> {
  const projects = VARIANTS.map((variant) => ({ variant, root: variantProject(variant), runs: [] as Run[] }));
  const full = projects[0];
  if (!full) throw new Error('build-parts: no variants');
  // One untimed build of each, to count the pages and bring the files into the system's cache.
  for (const project of projects) await firstBuild(project.root, ENV, [join(project.root, 'dist')]);
  const pages = builtPages(join(full.root, 'dist')).length;
  const bare = resolve(writeBareRouteProject(join(WORK, 'bare'), pages));
  const bareEnv = { ...ENV, OUT_DIR: 'dist' };
  const bareExtra = [join(bare, 'dist')];
  await firstBuild(bare, bareEnv, bareExtra);
  const floor: Run[] = [];
  for (let index = 0; index < runs; index += 1) {
    for (const project of projects) project.runs.push(await firstBuild(project.root, ENV, [join(project.root, 'dist')]));
    floor.push(await firstBuild(bare, bareEnv, bareExtra));
  }
  const bareWall = mid(floor, (r) => r.wallS);
  const fullWall = mid(full.runs, (r) => r.wallS);
  const load = machine().load;
  const results: BenchResult[] = [];
  const rows: string[][] = [];
  for (const { variant, runs: list } of projects) {
    const wall = mid(list, (r) => r.wallS);
    const cpu = mid(list, (r) => r.cpuS);
    const ratio = wall !== undefined && bareWall !== undefined ? wall / bareWall : undefined;
    const saved = wall !== undefined && fullWall !== undefined ? fullWall - wall : undefined;
    rows.push([
      variant.label,
      seconds(wall),
      seconds(cpu),
      ratio === undefined ? 'missing' : `${round(ratio)}x`,
      variant.off.length === 0 ? '—' : seconds(saved),
    ]);
    if (variant.off.length === 0) continue;
    results.push({
      name: `first build, 1 client (the sample), ${variant.label}: time it saves`,
      value: saved,
      unit: 's',
      note: `${seconds(wall)} against ${seconds(fullWall)} with every part; ${round(ratio)}x the bare floor (${seconds(bareWall)}); median of ${runs}; load average ${load}`,
    });
  }
  for (const dir of [...projects.map((project) => project.root), bare]) rmSync(dir, { recursive: true, force: true });
  return {
    results,
    details: [
      '## Build parts: what each part costs a first build',
      '',
      `The sample client’s first build (as in build scaling) with one part switched off at a time, then with all of them off (scripts/lib/build-parts.ts), against the bare one-route floor (${seconds(bareWall)} for ${pages} pages). These are the parts of this project that the floor does not have; a build without one lacks a feature the product needs, so this measures, it does not propose. Medians of ${runs} runs, every variant and the floor interleaved.`,
      '',
      '| build | wall (median) | CPU | ours / bare | saved against every part |',
      '| --- | --- | --- | --- | --- |',
      ...rows.map((row) => `| ${row.join(' | ')} |`),
      '',
    ],
  };
}

// `node scripts/bench/build-parts.ts 3`: this module alone.
if (import.meta.main) {
  const [runs = '3'] = process.argv.slice(2);
  const report = await run({ sizes: [1], runs: Number(runs) });
  for (const result of report.results) console.log(`${result.name}: ${round(result.value)} ${result.unit} · ${result.note ?? ''}`);
  console.log(['', ...(report.details ?? [])].join('\n'));
}
