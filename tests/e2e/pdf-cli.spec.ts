import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createFixtureProject } from '../../scripts/lib/fixture-project.ts';
import { BUILD_TIMEOUT, expect, sampleClient, test } from './fixtures.ts';
import { headingPages, readPdf } from './pdf-text.ts';

/** The page budget for one client's blank workbook with 10 themes, on A4 and on Letter (stated in docs/printing.md). */
const PAGE_BUDGET = 7;

const node = existsSync(join('node_modules', '.bin', 'node')) ? join('node_modules', '.bin', 'node') : process.execPath;

/** Runs `npm run pdf` in the project folder `cwd` (this repository by default). */
function runPdf(args: string[], env: NodeJS.ProcessEnv = {}, cwd = process.cwd()) {
  const result = spawnSync(resolve(node), [resolve('scripts', 'pdf.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: BUILD_TIMEOUT - 10_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The files and page counts `npm run pdf` lists at the end. */
function listedFiles(stdout: string): Map<string, number> {
  const files = new Map<string, number>();
  for (const match of stdout.matchAll(/^\s+(\S+\.pdf)\s+(\d+) pages?$/gm)) files.set(match[1]!, Number(match[2]));
  return files;
}

test('npm run pdf writes the sample client’s pack, and the page counts it prints are right', async () => {
  test.setTimeout(BUILD_TIMEOUT);
  const client = sampleClient();
  const out = join('.tmp', `pdf-sample-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  const run = runPdf(['--client', client.slug, '--out', out], { OUT_DIR: process.env.DIST_DIR ?? 'dist' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain(`client 1 of 1: ${client.name}`);
  const listed = listedFiles(run.stdout);
  expect([...listed.keys()].sort()).toEqual(
    ['session-sheet.pdf', 'workbook-blank-a4.pdf', 'workbook-blank-letter.pdf'].map((file) => join(out, client.slug, file)).sort(),
  );
  for (const [file, pages] of listed) expect(readPdf(file).pages, file).toBe(pages);
  expect(readPdf(join(out, client.slug, 'session-sheet.pdf')).text).toContain('Session guide');
  rmSync(out, { recursive: true, force: true });
});

test('a 10-theme client’s blank pack stays within the page budget, each worksheet on a page of its own', async () => {
  test.setTimeout(BUILD_TIMEOUT);
  const root = join('.tmp', `pdf-ten-${process.pid}`);
  const { root: project, content } = createFixtureProject(root);
  const slug = 'ana-k3j5h7g9f1d3s5a7q9w2e4r6';
  const themes = [
    'Creativity',
    'Family and the people who raised me',
    'Personal growth',
    'Autonomy',
    'Honesty, even when it is uncomfortable to say',
    'Adventure',
    'Health',
    'Making an impact that outlasts the job I happen to have',
    'Friendship',
    'Calm',
  ];
  writeFileSync(
    join(content, 'clients', `${slug}.yaml`),
    `name: Ana Ferreira\nsessionDate: "2026-12-10"\nworkbook: values\nthemes:\n${themes.map((theme) => `  - name: "${theme}"\n    evidence:\n      - "A quote from the Discovery Doc about ${theme.toLowerCase()}."`).join('\n')}\n`,
  );
  const out = join(project, 'pdf');
  mkdirSync(out, { recursive: true });
  const run = runPdf(['--out', out], {}, project);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('Building the site first');
  expect(run.stdout).toMatch(/client 1 of 2: /);
  expect(run.stdout).toMatch(/client 2 of 2: /);
  const listed = listedFiles(run.stdout);
  expect(listed.size).toBe(6);
  // The files are listed from the project folder the command ran in.
  for (const [file, pages] of listed) expect(readPdf(resolve(project, file)).pages, file).toBe(pages);

  for (const file of ['workbook-blank-a4.pdf', 'workbook-blank-letter.pdf']) {
    const pdf = readPdf(join(out, slug, file));
    expect(pdf.pages, `${file} pages`).toBeLessThanOrEqual(PAGE_BUDGET);
    const headings = ['Ana Ferreira', 'Value chains', 'Stack rank', 'Post-its to cut out', 'Living score', 'Your values poster', 'Notes'];
    const starts = headingPages(pdf, headings);
    expect(starts, `${file}: ${headings.join(', ')} start on pages ${starts.join(', ')}`).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const flat = pdf.text.replace(/\s+/g, ' ');
    for (const theme of themes) expect(flat, file).toContain(theme);
  }
  rmSync(project, { recursive: true, force: true });
});

test('npm run pdf refuses a bad flag or a missing browser with one line and exit 1', async () => {
  const bad = runPdf(['--clients', 'maya']);
  expect(bad.status).toBe(1);
  expect(bad.stdout).toBe('');
  expect(bad.stderr.trim().split('\n')).toEqual([
    'error: npm run pdf: --clients: expected one of --client <slug>, --out <folder>, --paper a4|letter, --help, found an unknown option',
  ]);

  const noBrowser = runPdf(['--out', join('.tmp', 'never')], { CHROMIUM_PATH: '/nowhere/chromium' });
  expect(noBrowser.status).toBe(1);
  expect(noBrowser.stderr.trim().split('\n')).toHaveLength(1);
  expect(noBrowser.stderr).toContain('Chromium not found: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH');
  expect(existsSync(join('.tmp', 'never'))).toBe(false);
});
