import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild } from '../../scripts/lib/build.ts';
import { createFixtureProject } from '../../scripts/lib/fixture-project.ts';

// The build itself refuses bad content, with the same one-line messages, before Astro reads any of it.
const root = process.cwd();
let project: string;
let dir: string;

beforeAll(() => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  project = mkdtempSync(join(root, '.tmp', 'bad-content-'));
  dir = createFixtureProject(project).content;
  writeFileSync(
    join(dir, 'clients', 'lee-0123456789abcdefghijklmn.yaml'),
    'name: Lee\nsessionDate: 2026-13-45\nworkbook: values\nthemes:\n  - Play\n  - play\n',
  );
  writeFileSync(join(dir, 'coach.yaml'), 'name: Jordan Ellis\nemail: jordan(at)example.com\nbaseUrl: https://coach.example/\n');
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('astro build with bad content', () => {
  it('stops with one line per problem naming file, field, expected and found', async () => {
    const rel = relative(root, dir);
    const failure = await astroBuild({ root: project }).then(
      () => undefined,
      (error: Error & { output?: string }) => error.output ?? error.message,
    );
    expect(failure).toBeDefined();
    const lines = (failure ?? '').split('\n').filter((line) => /^(error|warning): /.test(line));
    expect(lines.map((line) => line.replace(rel, '<content>'))).toEqual([
      'error: <content>/coach.yaml: email: expected an email address like name@example.com, found "jordan(at)example.com" (21 characters)',
      'error: <content>/clients/lee-0123456789abcdefghijklmn.yaml: sessionDate: expected a real calendar date written as YYYY-MM-DD, found "2026-13-45"',
      'error: <content>/clients/lee-0123456789abcdefghijklmn.yaml: themes[1]: expected a theme different from themes[0] (case and spaces are ignored), found a duplicate, "play"',
    ]);
    expect(failure).toContain('The content has 3 problems; see the lines above.');
  }, 120_000);
});
