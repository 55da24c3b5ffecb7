import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs the CLI with bad flags: each must stop before building, with one line in the project's error style. */
function run(...args: string[]): Promise<{ status: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['scripts/build-clients.ts', ...args], (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr: stderr.trim(), stdout: stdout.trim() });
    });
  });
}

describe('npm run build:clients with bad flags', () => {
  it.concurrent.each([
    [['--base', 'workbooks'], 'error: build:clients: --base: expected a path like /workbooks/ or / (letters, digits, . _ ~ - and /), found "workbooks"'],
    [['--base', '/a/../b/'], 'error: build:clients: --base: expected a path like /workbooks/ or / (letters, digits, . _ ~ - and /), found "/a/../b/"'],
    [['--base', '/work books/'], 'error: build:clients: --base: expected a path like /workbooks/ or / (letters, digits, . _ ~ - and /), found "/work books/"'],
    [['--base'], 'error: build:clients: --base: expected a value after the flag, found nothing'],
    [['--colour'], 'error: build:clients: --colour: expected one of --base, --out, --help, found an unknown flag'],
    [['dist'], 'error: build:clients: dist: expected only --base, --out and --help (see --help), found an extra argument "dist"'],
    [['--out', '.'], 'error: build:clients: --out: expected a folder inside or beside the project, not the project itself, found "."'],
    [
      ['--out', 'src'],
      'error: build:clients: --out: expected an empty folder or one made by build:clients (with .build-clients.json), found a folder with other files ("src")',
    ],
  ])('%j', async (args, line) => {
    const result = await run(...args);
    expect(result.stderr).toBe(line);
    expect(result.status).toBe(1);
  });

  it('explains itself with --help', async () => {
    const result = await run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: npm run build:clients');
  });
});
