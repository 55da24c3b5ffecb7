import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface BuildOptions {
  /** Content folder relative to the project root; defaults to src/content. */
  contentDir?: string;
  /** Output folder; defaults to dist. */
  outDir?: string;
  /** Base path the site is served under, such as /workbooks/. */
  base?: string;
  /** Print Astro's own output as it builds. */
  verbose?: boolean;
  /** Receives Astro's output as it comes, for progress reports. */
  onOutput?: (text: string) => void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs one build at a time per project. Every build shares `.astro/` (Astro writes the content
 * modules list there), so two at once, such as tests building different content folders, can
 * read each other's half-written files. A lock left by a process that died is taken over.
 */
async function oneAtATime<T>(root: string, task: () => Promise<T>): Promise<T> {
  const lock = join(root, '.tmp', 'astro-build.lock');
  mkdirSync(join(root, '.tmp'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = Number.NaN;
      try {
        holder = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // The holder has made the folder but not yet written its pid: wait for it.
      }
      if (Number.isInteger(holder) && !alive(holder)) rmSync(lock, { recursive: true, force: true });
      else await sleep(200);
    }
  }
  try {
    return await task();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Runs `astro build` with content and output folders set, and rejects with Astro's output on failure. */
export function astroBuild(options: BuildOptions = {}, root: string = process.cwd()): Promise<{ output: string; ms: number }> {
  return oneAtATime(root, () => runBuild(options, root));
}

function runBuild(options: BuildOptions, root: string): Promise<{ output: string; ms: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  if (options.contentDir) env.CONTENT_DIR = options.contentDir;
  if (options.outDir) env.OUT_DIR = options.outDir;
  if (options.base) env.BASE_PATH = options.base;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], { cwd: root, env });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.verbose) process.stdout.write(chunk);
      options.onOutput?.(chunk.toString());
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve({ output, ms: performance.now() - started });
      else reject(Object.assign(new Error(`astro build failed (exit ${code})\n${output}`), { output }));
    });
  });
}
