import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createFixtureProject } from '../../scripts/lib/fixture-project.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Runs the CLI in a pseudo-terminal (util-linux `script`), answering each prompt as it appears.
const root = process.cwd();
/** A fixture project the CLI runs in, and its content folder. */
let project: string;
let dir: string;

beforeAll(() => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  project = mkdtempSync(join(root, '.tmp', 'interactive-'));
  dir = createFixtureProject(project).content;
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

function converse(script: Array<[RegExp, string]>): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(join(root, 'scripts', 'new-client.ts'))}`, '/dev/null'], {
      cwd: project,
      env: { ...process.env, TERM: 'xterm' },
    });
    let output = '';
    let step = 0;
    let answeredAt = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      // Through a pipe, `script` echoes the terminal stream with line breaks between characters.
      output += chunk.toString().replace(/\r\n/g, '');
      const next = script[step];
      // Only look at what arrived after the last answer, so an old prompt never answers twice.
      if (next && next[0].test(output.slice(answeredAt))) {
        answeredAt = output.length;
        step += 1;
        // A short pause lets the prompt start listening for keys before the answer arrives.
        setTimeout(() => child.stdin.write(next[1]), 300);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ output, code }));
  });
}

describe('npm run new-client in a terminal', () => {
  it('asks for the name, the themes one at a time and the date, then writes the file', async () => {
    const { output, code } = await converse([
      [/full name/, 'Ana Lúcia Reis\r'],
      [/Theme 1/, 'Saudade\r'],
      [/Theme 2/, 'Família\r'],
      [/Theme 3/, '\r'],
      [/Session date/, '2026-12-24\r'],
    ]);
    expect(code).toBe(0);
    expect(output).toContain('Wrote ');
    const files = readdirSync(join(dir, 'clients')).filter((file) => file.startsWith('ana-'));
    expect(files).toHaveLength(1);
    const written = parse(readFileSync(join(dir, 'clients', files[0] ?? ''), 'utf8'));
    expect(written).toMatchObject({ name: 'Ana Lúcia Reis', sessionDate: '2026-12-24', workbook: 'values' });
    expect(written.themes.map((theme: { name: string }) => theme.name)).toEqual(['Saudade', 'Família']);
  }, 60_000);
});
