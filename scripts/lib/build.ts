import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BuildOptions {
  /** The project folder: this repository, or a fixture project (scripts/lib/fixture-project.ts). Defaults to the current folder. */
  root?: string;
  /** Output folder; defaults to the project's own (dist). */
  outDir?: string;
  /** Base path the site is served under, such as /workbooks/. */
  base?: string;
  /** Print Astro's own output as it builds. */
  verbose?: boolean;
  /** Receives Astro's output as it comes, for progress reports. */
  onOutput?: (text: string) => void;
}

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ASTRO_BIN = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

/**
 * Runs `astro build` for a project folder, and rejects with Astro's output on failure. Each project
 * keeps its own `.astro/` and cache, so builds of different projects can run at the same time.
 * Astro runs from this repository, whose pages and packages every fixture project uses.
 */
export function astroBuild(options: BuildOptions = {}): Promise<{ output: string; ms: number }> {
  const root = resolve(options.root ?? process.cwd());
  const args = [ASTRO_BIN, 'build', '--root', root];
  if (options.outDir) args.push('--outDir', resolve(options.outDir));
  if (options.base) args.push('--base', options.base);
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const started = performance.now();
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env });
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
      if (code === 0) done({ output, ms: performance.now() - started });
      else reject(Object.assign(new Error(`astro build failed (exit ${code})\n${output}`), { output }));
    });
  });
}
