import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFixtureProject } from '../../scripts/lib/fixture-project.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent } from '../../src/lib/content-check.ts';
import { sessionsOf } from '../../src/lib/sessions.ts';
import { addSession, parseFlags } from '../../scripts/lib/new-session.ts';

const root = process.cwd();
const slug = 'ada-k3v9q2m7x1c8b4n6z0p5r2t7';
/** A fixture project the CLI runs in, and its content folder. */
let project: string;
let dir: string;

// Ada's themes, with a comment and evidence the CLI must keep as they are.
const themes = `themes:
  - name: Creativity
    evidence:
      - "I lose track of time when I'm sketching out a new idea, and I would not want it any other way."
  - Family # always first for Ada
  - Growth
  - Autonomy
  - Honesty
  - Adventure
  - Health
  - Impact
`;

// A file as a coach might have written it by hand: comments, a blank line, evidence, a shorthand theme.
const single = `# Ada: referred by Sam. Notes from the intake call live in the Discovery Doc.
name: Ada Lovelace
preferredName: Ada

# Our first meeting, at the studio.
sessionDate: "2026-12-03" # first meeting
workbook: values
${themes}`;

function clientFile(): string {
  return join(dir, 'clients', `${slug}.yaml`);
}

function run(args: string[]) {
  return spawnSync(process.execPath, [join(root, 'scripts', 'new-session.ts'), ...args], {
    cwd: project,
    encoding: 'utf8',
    input: '',
  });
}

/** Runs the CLI and expects a refusal: exit 1, the given first line, and every file as it was. */
function refused(args: string[], line: string): void {
  const before = readdirSync(join(dir, 'clients')).map((file) => [file, readFileSync(join(dir, 'clients', file), 'utf8')]);
  const result = run(args);
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr.split('\n')[0]).toBe(line);
  const after = readdirSync(join(dir, 'clients')).map((file) => [file, readFileSync(join(dir, 'clients', file), 'utf8')]);
  expect(after).toEqual(before);
}

beforeEach(() => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  project = mkdtempSync(join(root, '.tmp', 'sessions-'));
  dir = createFixtureProject(project).content;
  cpSync(join(root, 'tests', 'fixtures', 'second-workbook', 'workbooks'), join(dir, 'workbooks'), { recursive: true });
  writeFileSync(clientFile(), single);
});

afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

describe('npm run new-session', () => {
  it('turns a one-session file into a list of sessions, keeping everything the coach wrote', () => {
    const result = run(['--client', slug, '--workbook', 'goals', '--date', '2026-12-10', '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const contract = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, string>;
    expect(Object.keys(contract)).toEqual(['file', 'slug', 'workbook', 'sessionPath']);
    expect(contract).toMatchObject({ slug, workbook: 'goals', sessionPath: `/${slug}/goals/your-goals/` });
    expect(contract.file).toMatch(new RegExp(`clients/${slug}\\.yaml$`));

    expect(readFileSync(clientFile(), 'utf8')).toBe(`# Ada: referred by Sam. Notes from the intake call live in the Discovery Doc.
name: Ada Lovelace
preferredName: Ada

# Our first meeting, at the studio.
sessions:
  - workbook: values
    date: "2026-12-03" # first meeting
  - workbook: goals
    date: "2026-12-10"
${themes}`);
    expect(checkContent(dir).filter((problem) => problem.level === 'error')).toEqual([]);
  });

  it('appends to a list of sessions, and reads a file without a workbook as the values workbook', () => {
    writeFileSync(clientFile(), single.replace('workbook: values\n', ''));
    expect(addSession({ client: slug, workbook: 'goals', date: '2026-12-10' }, dir).ok).toBe(true);
    const result = addSession({ client: slug, workbook: 'check-in', date: '2026-12-10' }, dir);
    expect(result).toMatchObject({ ok: true, problems: [], sessionPath: `/${slug}/check-in/plan/` });
    const written = parse(readFileSync(clientFile(), 'utf8')) as { sessions: unknown; sessionDate?: unknown; workbook?: unknown };
    expect(written.sessions).toEqual([
      { workbook: 'values', date: '2026-12-03' },
      { workbook: 'goals', date: '2026-12-10' },
      { workbook: 'check-in', date: '2026-12-10' },
    ]);
    expect(written.sessionDate).toBeUndefined();
    expect(written.workbook).toBeUndefined();
  });

  it('refuses an unknown client', () => {
    refused(
      ['--client', 'bob-k3v9q2m7x1c8b4n6z0p5r2t7', '--workbook', 'goals', '--date', '2026-12-10'],
      `error: new-session: --client: expected the slug of a client file in src/content/clients/, found no client "bob-k3v9q2m7x1c8b4n6z0p5r2t7" (28 characters)`,
    );
    refused(
      ['--client', '../coach', '--workbook', 'goals', '--date', '2026-12-10'],
      `error: new-session: --client: expected the slug of a client file in src/content/clients/, found no client "../coach"`,
    );
  });

  it('refuses an unknown workbook', () => {
    refused(
      ['--client', slug, '--workbook', 'careers', '--date', '2026-12-10'],
      'error: new-session: --workbook: expected one of check-in, goals, values, found "careers"',
    );
  });

  it('refuses a date that is not a real date', () => {
    refused(
      ['--client', slug, '--workbook', 'goals', '--date', '2026-02-30'],
      'error: new-session: --date: expected a real calendar date written as YYYY-MM-DD, found "2026-02-30"',
    );
    refused(
      ['--client', slug, '--workbook', 'goals', '--date', 'next Tuesday'],
      'error: new-session: --date: expected a real calendar date written as YYYY-MM-DD, found "next Tuesday"',
    );
  });

  it("refuses a date before the client's previous session", () => {
    expect(addSession({ client: slug, workbook: 'goals', date: '2026-12-10' }, dir).ok).toBe(true);
    refused(
      ['--client', slug, '--workbook', 'check-in', '--date', '2026-12-09'],
      `error: new-session: --date: expected a date on or after the client's previous session (goals on 2026-12-10), found "2026-12-09"`,
    );
  });

  it('refuses the same workbook twice', () => {
    refused(
      ['--client', slug, '--workbook', 'values', '--date', '2026-12-10'],
      `error: new-session: --workbook: expected a workbook this client has not followed yet (src/content/clients/${slug}.yaml has values on 2026-12-03), found "values"`,
    );
  });

  it('refuses bad flags with one line', () => {
    refused(
      ['--client', slug, '--wrokbook', 'goals'],
      'error: new-session: --wrokbook: expected one of --client, --workbook, --date, --json, --help, found an unknown flag',
    );
    refused(['--client', slug, '--workbook', 'goals', '--date'], 'error: new-session: --date: expected a value after the flag, found nothing');
    refused(
      ['--client', slug, 'goals'],
      'error: new-session: (arguments): expected only flags (--client, --workbook, --date, --json, --help), found a stray argument "goals"',
    );
    // Without a terminal to ask in, a missing flag is named.
    refused(['--client', slug, '--date', '2026-12-10'], `error: new-session: --workbook: expected a workbook name, found nothing`);
  });

  it('refuses to touch a client file that already has errors, naming them', () => {
    writeFileSync(clientFile(), single.replace('name: Ada Lovelace', 'name: ""'));
    const result = addSession({ client: slug, workbook: 'goals', date: '2026-12-10' }, dir);
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => `${problem.field}: ${problem.expected}`)).toEqual(['name: a client name']);
    expect(readFileSync(clientFile(), 'utf8')).toBe(single.replace('name: Ada Lovelace', 'name: ""'));
  });

  it('reads --help and repeated flags without writing', () => {
    expect(parseFlags(['--help'])).toMatchObject({ ok: true, help: true });
    expect(parseFlags(['--client', 'a', '--client', 'b'])).toMatchObject({ ok: true, request: { client: 'b' } });
  });
});

describe('the sessions of a client', () => {
  const sessions = [
    { workbook: 'values', date: '2026-12-03' },
    { workbook: 'goals', date: '2026-12-10' },
  ];

  it('keeps the first session at the old addresses and puts later ones under their workbook', () => {
    expect(sessionsOf(sessions, '2026-12-01').sessions.map((session) => session.path)).toEqual(['', 'goals/']);
  });

  it('makes the latest session on or before today current, else the first, and names the next date', () => {
    expect(sessionsOf(sessions, '2026-12-01')).toMatchObject({ current: { workbook: 'values' }, nextDate: '2026-12-03' });
    expect(sessionsOf(sessions, '2026-12-03')).toMatchObject({ current: { workbook: 'values' }, nextDate: '2026-12-03' });
    expect(sessionsOf(sessions, '2026-12-05')).toMatchObject({ current: { workbook: 'values' }, nextDate: '2026-12-10' });
    expect(sessionsOf(sessions, '2026-12-10')).toMatchObject({ current: { workbook: 'goals' }, nextDate: '2026-12-10' });
    expect(sessionsOf(sessions, '2026-12-11')).toMatchObject({ current: { workbook: 'goals' }, nextDate: undefined });
  });
});
