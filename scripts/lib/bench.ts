import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * The `--dist` (a built site to reuse) and `--runs` flags of a bench module run on its own
 * (`node scripts/bench/<module>.ts`); a count that is not a whole number of at least 1 stops with one line.
 */
export function standaloneFlags(defaultRuns: number): { dist: string | undefined; runs: number } {
  const { values } = parseArgs({ options: { dist: { type: 'string' }, runs: { type: 'string' } } });
  const runs = values.runs === undefined ? defaultRuns : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`error: --runs: expected a whole number of at least 1, found ${JSON.stringify(values.runs)}`);
    process.exit(1);
  }
  return { dist: values.dist, runs };
}

/** One measured figure. Every module in scripts/bench/ returns a list of these from `run()`. */
export interface BenchResult {
  name: string;
  /** The figure; undefined when it could not be measured, which the report shows as missing. */
  value: number | undefined;
  unit: string;
  /** What the figure should be, such as `<= 2.0x`, `<= 60 s` or `= 100`. */
  target?: string;
  note?: string;
}

/** What `npm run bench` hands every module. */
export interface BenchOptions {
  /** Client counts to build, for modules that scale (`--sizes`). */
  sizes: number[];
  /** Timed runs per figure, for modules that repeat (`--runs`). */
  runs: number;
}

/** What a module returns: its figures, and optionally a section of its own for docs/BENCHMARKS.md. */
export interface BenchReport {
  results: BenchResult[];
  /** Markdown lines, starting with a `## ` heading. */
  details?: string[];
}

/** A file in scripts/bench/. A module that throws fails the whole run. */
export interface BenchModule {
  run(options: BenchOptions): Promise<BenchResult[] | BenchReport>;
}

/** A number, or undefined (missing) when it is not a finite number. */
export function measured(value: number): number | undefined {
  return Number.isFinite(value) ? value : undefined;
}

/** The middle value (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Whether a figure meets a target written as `<= 1.3x`, `< 5 s`, `>= 90`, `= 100`.
 * Returns undefined when the target has no comparison to check.
 */
export function meetsTarget(value: number | undefined, target: string | undefined): boolean | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  const match = target?.trim().match(/^(<=|>=|<|>|=|≤|≥)\s*(-?\d+(?:\.\d+)?)/);
  if (!match) return undefined;
  const limit = Number(match[2]);
  switch (match[1]) {
    case '<=':
    case '≤':
      return value <= limit;
    case '>=':
    case '≥':
      return value >= limit;
    case '<':
      return value < limit;
    case '>':
      return value > limit;
    default:
      return value === limit;
  }
}

/** Rounds for display: 3 significant digits below 100, whole numbers above; `missing` for no figure. */
export function round(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return 'missing';
  if (Math.abs(value) >= 100) return String(Math.round(value));
  return String(Number(value.toPrecision(3)));
}

/** What ran the benchmark. */
export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  os: string;
  load: string;
}

export function machine(): Machine {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  let os = `${process.platform} ${process.arch}`;
  try {
    const release = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]+)"?/m)?.[1];
    if (release) os = `${release} (${process.arch})`;
  } catch {
    // Not Linux: the platform name will do.
  }
  let load = 'unknown';
  try {
    load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    // No /proc: leave the load unknown.
  }
  return { cpu, cores: cpus().length, ramGiB: Math.round(totalmem() / 1024 ** 3), node: process.version, os, load };
}

/** Wall time, CPU time and peak memory of one command. */
export interface Measured {
  wallS: number;
  cpuS: number;
  peakRssMB: number;
  output: string;
}

/**
 * Runs a command and measures it. With GNU time (`/usr/bin/time`, Debian's `time`
 * package) the CPU time and peak resident memory come from the kernel's accounting;
 * without it, peak memory is sampled from /proc every 50 ms and CPU time is not known.
 */
export function measureCommand(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Measured> {
  const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const scratch = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const report = join(scratch, 'time.txt');
  const [file, argv] = gnuTime ? [gnuTime, ['-f', '%e %U %S %M', '-o', report, command, ...args]] : [command, [...args]];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let sampledPeak = 0;
    const sampler = setInterval(() => {
      if (child.pid) sampledPeak = Math.max(sampledPeak, treeRssKB(child.pid));
    }, 50);
    child.on('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(sampler);
      const wall = (performance.now() - started) / 1000;
      let cpu = Number.NaN;
      let peak = sampledPeak;
      if (gnuTime && existsSync(report)) {
        const fields = readFileSync(report, 'utf8').trim().split('\n').pop()?.split(' ').map(Number) ?? [];
        const [, user, system, maxKB] = fields;
        if (user !== undefined && system !== undefined) cpu = user + system;
        if (maxKB !== undefined) peak = Math.max(peak, maxKB);
      }
      rmSync(scratch, { recursive: true, force: true });
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} failed (exit ${code})\n${output.slice(-4000)}`));
      else resolve({ wallS: wall, cpuS: cpu, peakRssMB: peak / 1024, output });
    });
  });
}

/** Resident memory of a process and all its descendants, in KB, from /proc (0 where there is no /proc). */
export function treeRssKB(root: number): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of entries) {
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(status.match(/^PPid:\s+(\d+)/m)?.[1] ?? -1);
      const kb = Number(status.match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0);
      const pid = Number(name);
      rss.set(pid, kb);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}
