import { spawn } from 'node:child_process';
import { join } from 'node:path';

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

/** Runs `astro build` with content and output folders set, and rejects with Astro's output on failure. */
export function astroBuild(options: BuildOptions = {}, root: string = process.cwd()): Promise<{ output: string; ms: number }> {
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
