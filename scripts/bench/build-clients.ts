import { execFile } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { astroBuild } from '../lib/build.ts';
import { createFixtureProject } from '../lib/fixture-project.ts';
import { writeSyntheticContent } from '../lib/synthetic.ts';
import type { BenchResult } from '../lib/bench.ts';

const CLIENTS = 100;
/** Single-client builds timed to estimate "one full Astro build per client". */
const SAMPLE_BUILDS = 3;

/**
 * `npm run build:clients` for 100 made-up clients (one Astro build, then the
 * split), against the alternative it replaced: one full Astro build per client,
 * timed on a few single-client builds and scaled to 100.
 */
export async function run(): Promise<BenchResult[]> {
  const root = process.cwd();
  const work = join('.tmp', 'bench-build-clients');
  rmSync(join(root, work), { recursive: true, force: true });
  mkdirSync(join(root, work), { recursive: true });
  try {
    const project = createFixtureProject(join(root, work, 'project'), { copyContent: false });
    writeSyntheticContent(project.content, CLIENTS, root);
    const started = performance.now();
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'scripts', 'build-clients.ts'), '--out', join(root, work, 'out')], {
      cwd: project.root,
      maxBuffer: 16 * 1024 * 1024,
    });
    const total = (performance.now() - started) / 1000;
    const build = Number(/pages built in ([\d.]+) s/.exec(stdout)?.[1] ?? Number.NaN);

    const single = createFixtureProject(join(root, work, 'single'), { copyContent: false });
    writeSyntheticContent(single.content, 1, root);
    let perClient = 0;
    for (let i = 0; i < SAMPLE_BUILDS; i += 1) {
      const { ms } = await astroBuild({ root: single.root, outDir: join(root, work, `single-out-${i}`) });
      perClient += ms / 1000 / SAMPLE_BUILDS;
    }

    return [
      {
        name: `build:clients, ${CLIENTS} clients (one build + split)`,
        value: round(total),
        unit: 's',
        target: '<= 60 s',
        note: `Astro build ${round(build)} s, split and checks ${round(total - build)} s; load average ${round(loadavg()[0] ?? 0)} on ${availableParallelism()} cores`,
      },
      {
        name: `one Astro build per client, ${CLIENTS} clients (estimate)`,
        value: round(perClient * CLIENTS),
        unit: 's',
        note: `${round(perClient)} s per single-client build, mean of ${SAMPLE_BUILDS}; the approach build:clients does not use`,
      },
    ];
  } finally {
    rmSync(join(root, work), { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
