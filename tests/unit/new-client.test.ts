import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFixtureProject } from '../../scripts/lib/fixture-project.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent } from '../../src/lib/content-check.ts';
import { parseFlags, writeClientFile } from '../../scripts/lib/new-client.ts';

const root = process.cwd();
/** A fixture project the CLI runs in, and its content folder. */
let project: string;
let dir: string;

function run(args: string[]) {
  return spawnSync(process.execPath, [join(root, 'scripts', 'new-client.ts'), ...args], {
    cwd: project,
    encoding: 'utf8',
    input: '',
  });
}

function clientFiles(): string[] {
  return readdirSync(join(dir, 'clients')).sort();
}

beforeEach(() => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  project = mkdtempSync(join(root, '.tmp', 'content-'));
  dir = createFixtureProject(project).content;
});

afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

describe('npm run new-client with flags', () => {
  const themes = ['Любовь', '家族', 'Zoë’s craft', 'Courage', 'Play', 'Rest', 'Faith', 'Justice'];
  const args = ['--name', 'Алёна Петрова', ...themes.flatMap((theme) => ['--theme', theme]), '--date', '2026-12-10'];

  it('writes a valid client file and prints the JSON contract as its last line', () => {
    const before = clientFiles();
    const result = run([...args, '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const last = result.stdout.trim().split('\n').at(-1) ?? '';
    const contract = JSON.parse(last) as { file: string; slug: string; workbookPath: string };
    expect(Object.keys(contract).sort()).toEqual(['file', 'slug', 'workbookPath']);
    expect(contract.slug).toMatch(/^client-[a-z0-9]{24}$/);
    expect(contract.workbookPath).toBe(`/${contract.slug}/`);
    expect(clientFiles()).toEqual([...before, `${contract.slug}.yaml`].sort());

    const written = parse(readFileSync(join(dir, 'clients', `${contract.slug}.yaml`), 'utf8'));
    expect(written.name).toBe('Алёна Петрова');
    expect(written.sessionDate).toBe('2026-12-10');
    expect(written.themes.map((theme: { name: string }) => theme.name)).toEqual(themes);
    expect(checkContent(dir)).toEqual([]);
    expect(result.stdout).toContain(`https://coach.example/workbooks/${contract.slug}/`);
  });

  it('records coach overrides from --coach and --email', () => {
    const result = run([...args, '--coach', 'Sam Rivera', '--email', 'sam@example.org', '--json']);
    expect(result.status).toBe(0);
    const { slug } = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}');
    const written = parse(readFileSync(join(dir, 'clients', `${slug}.yaml`), 'utf8'));
    expect(written.coach).toEqual({ name: 'Sam Rivera', email: 'sam@example.org' });
  });

  it('exits 1 with one line per problem and writes nothing on bad input', () => {
    const before = clientFiles();
    const result = run(['--name', '', '--theme', 'Growth', '--theme', 'growth', '--date', '2026-13-45', '--email', 'nope']);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines.every((line) => line.startsWith('error: ') || line.startsWith('warning: '))).toBe(true);
    const errors = lines.filter((line) => line.startsWith('error: ')).map((line) => line.replace(/client-[a-z0-9]{24}/, '<slug>'));
    expect(errors).toEqual(
      [
        'error: <slug>.yaml: name: expected a client name, found an empty text',
        'error: <slug>.yaml: sessionDate: expected a real calendar date written as YYYY-MM-DD, found "2026-13-45"',
        'error: <slug>.yaml: coach.email: expected an email address like name@example.com, found "nope"',
        'error: <slug>.yaml: themes[1]: expected a theme different from themes[0] (case and spaces are ignored), found a duplicate, "growth"',
      ].map((line) => line.replace('<slug>.yaml', `src/content/clients/<slug>.yaml`)),
    );
    expect(clientFiles()).toEqual(before);
  });

  it('rejects an unknown flag with one line and writes nothing', () => {
    const before = clientFiles();
    const result = run(['--nmae', 'Maya']);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      'error: new-client: --nmae: expected one of --name, --preferred-name, --theme, --date, --workbook, --coach, --email, --json, --help, found an unknown flag',
    );
    expect(clientFiles()).toEqual(before);
  });

  it('rejects a stray argument with one line and writes nothing', () => {
    const before = clientFiles();
    const result = run(['--name', 'Maya', 'Creativity']);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      'error: new-client: (arguments): expected only flags (--name, --preferred-name, --theme, --date, --workbook, --coach, --email, --json, --help), found a stray argument "Creativity"',
    );
    expect(clientFiles()).toEqual(before);
  });

  it('explains itself when run with no flags and no terminal', () => {
    const result = run([]);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      'error: new-client: (arguments): expected --name, --theme and --date flags, or a terminal to ask in, found neither',
    );
  });
});

describe('writing client files', () => {
  it('never overwrites an existing file', () => {
    const path = join(dir, 'clients', 'existing.yaml');
    writeFileSync(path, 'name: Keep me\n');
    expect(() => writeClientFile(path, 'name: Replaced\n')).toThrow(/EEXIST/);
    expect(readFileSync(path, 'utf8')).toBe('name: Keep me\n');
    expect(existsSync(path)).toBe(true);
  });

  it('reads repeated --theme flags in order', () => {
    const parsed = parseFlags(['--theme', 'B', '--theme', 'A', '--name', 'X']);
    expect(parsed.ok && parsed.answers.themes).toEqual(['B', 'A']);
  });
});
