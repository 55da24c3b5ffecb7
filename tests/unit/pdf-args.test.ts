import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packFiles, parsePdfArgs, readClients, sessionSheetPage, staleReason } from '../../scripts/lib/pdf.ts';

const known = [
  { slug: 'maya-y4185fjpwqev9y4j6fk69oit', name: 'Maya Okafor' },
  { slug: 'tomas-abcdefghijklmnopqrstuv', name: 'Tomás Ruiz' },
];

function errorOf(argv: string[], clients = known): string {
  const result = parsePdfArgs(argv, clients);
  if (!('error' in result)) throw new Error(`expected an error for ${argv.join(' ')}`);
  return result.error;
}

describe('npm run pdf arguments', () => {
  it('defaults to every client, pdf/ and an A4 session sheet', () => {
    expect(parsePdfArgs([], known)).toEqual({ options: { clients: [], out: 'pdf', sessionPaper: 'A4', help: false } });
  });

  it('takes one or more clients, a folder and a paper size', () => {
    expect(parsePdfArgs(['--client', known[1]!.slug, '--client=maya-y4185fjpwqev9y4j6fk69oit', '--out', 'handouts', '--paper', 'Letter'], known)).toEqual({
      options: { clients: [known[1]!.slug, known[0]!.slug], out: 'handouts', sessionPaper: 'Letter', help: false },
    });
  });

  it('answers --help', () => {
    expect(parsePdfArgs(['--help'], known)).toMatchObject({ options: { help: true } });
    expect(parsePdfArgs(['-h'], known)).toMatchObject({ options: { help: true } });
  });

  it('refuses bad flags with one line in the project error style', () => {
    expect(errorOf(['--cleint', 'maya'])).toMatchInlineSnapshot(
      `"error: npm run pdf: --cleint: expected one of --client <slug>, --out <folder>, --paper a4|letter, --help, found an unknown option"`,
    );
    expect(errorOf(['-x'])).toMatchInlineSnapshot(
      `"error: npm run pdf: -x: expected one of --client <slug>, --out <folder>, --paper a4|letter, --help, found an unknown option"`,
    );
    expect(errorOf(['--client'])).toMatchInlineSnapshot(`"error: npm run pdf: --client: expected a client slug, found nothing"`);
    expect(errorOf(['--out'])).toMatchInlineSnapshot(`"error: npm run pdf: --out: expected a folder to write the PDFs in, found nothing"`);
    expect(errorOf(['--paper', 'a5'])).toMatchInlineSnapshot(`"error: npm run pdf: --paper: expected a4 or letter, found "a5""`);
    expect(errorOf(['maya-y4185fjpwqev9y4j6fk69oit'])).toMatchInlineSnapshot(
      `"error: npm run pdf: maya-y4185fjpwqev9y4j6fk69oit: expected one of --client <slug>, --out <folder>, --paper a4|letter, --help, found an argument without a flag"`,
    );
    expect(errorOf(['--help=yes'])).toMatchInlineSnapshot(`"error: npm run pdf: --help: expected no value, found a value"`);
  });

  it('names the clients it knows when asked for one it does not', () => {
    expect(errorOf(['--client', 'maya'])).toMatchInlineSnapshot(
      `"error: npm run pdf: --client: expected the file name of a client in the content folder (maya-y4185fjpwqev9y4j6fk69oit, tomas-abcdefghijklmnopqrstuv), found "maya""`,
    );
    expect(errorOf(['--client', 'maya'], [])).toMatchInlineSnapshot(
      `"error: npm run pdf: --client: expected the file name of a client in the content folder (no clients exist yet), found "maya""`,
    );
    expect(errorOf(['--client', ''])).toMatchInlineSnapshot(`"error: npm run pdf: --client: expected a client slug, found an empty text"`);
    expect(errorOf(['--out', ' '])).toMatchInlineSnapshot(`"error: npm run pdf: --out: expected a folder to write the PDFs in, found an empty text"`);
  });

  it('every error is a single line', () => {
    for (const argv of [['--nope'], ['--client'], ['--client', 'x'], ['--paper', ''], ['extra'], ['--out', '']]) {
      expect(errorOf(argv)).not.toContain('\n');
    }
  });
});

describe('the pack', () => {
  it('is the blank workbook on A4 and Letter and the session sheet', () => {
    expect(packFiles('maya-x', 'Letter', 'guide')).toEqual([
      {
        path: 'maya-x/print/?blank',
        files: [
          { file: 'workbook-blank-a4.pdf', paper: 'A4' },
          { file: 'workbook-blank-letter.pdf', paper: 'Letter' },
        ],
      },
      { path: 'coach/maya-x/guide/', files: [{ file: 'session-sheet.pdf', paper: 'Letter' }] },
    ]);
    expect(packFiles('sam-x', 'A4', 'prep').at(-1)?.path).toBe('coach/sam-x/prep/');
    expect(packFiles('sam-x', 'A4', undefined).flatMap((group) => group.files.map((item) => item.file))).toEqual([
      'workbook-blank-a4.pdf',
      'workbook-blank-letter.pdf',
    ]);
  });

  it('takes the session sheet from the workbook’s first coach page that is not a letter', () => {
    expect(sessionSheetPage(join('src', 'content'), 'values')).toBe('guide');
    expect(sessionSheetPage(join('tests', 'fixtures', 'second-workbook'), 'check-in')).toBe('prep');
    expect(sessionSheetPage(join('src', 'content'), 'no-such-workbook')).toBeUndefined();
    expect(sessionSheetPage(join('src', 'content'), undefined)).toBeUndefined();
  });
});

describe('knowing when to build', () => {
  const root = mkdtempSync(join(tmpdir(), 'pdf-stale-'));
  const src = join(root, 'src');
  const dist = join(root, 'dist');
  mkdirSync(join(src, 'content', 'clients'), { recursive: true });
  writeFileSync(join(src, 'content', 'clients', 'maya-abc.yaml'), 'name: Maya Okafor\n');
  writeFileSync(join(src, 'content', 'clients', 'bare-def.yml'), '- not a client\n');

  it('reads clients from their files, falling back to the slug for a name', () => {
    expect(readClients(join(src, 'content'))).toEqual([
      { slug: 'bare-def', name: 'bare-def' },
      { slug: 'maya-abc', name: 'Maya Okafor' },
    ]);
    expect(readClients(join('src', 'content'))[0]).toMatchObject({ name: 'Maya Okafor', workbook: 'values' });
    expect(readClients(join(root, 'nowhere'))).toEqual([]);
  });

  it('builds when dist is missing, older than the sources, or lacks a client', () => {
    expect(staleReason(dist, [src], ['maya-abc'])).toBe(`${dist}/ has no built site`);
    mkdirSync(join(dist, 'maya-abc', 'print'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '');
    writeFileSync(join(dist, 'maya-abc', 'print', 'index.html'), '');
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(src, 'content', 'clients', 'maya-abc.yaml'), past, past);
    utimesSync(join(src, 'content', 'clients', 'bare-def.yml'), past, past);
    expect(staleReason(dist, [src], ['maya-abc'])).toBeUndefined();
    expect(staleReason(dist, [src], ['maya-abc', 'bare-def'])).toBe(`${dist}/ has no print page for bare-def`);
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(src, 'content', 'clients', 'maya-abc.yaml'), future, future);
    expect(staleReason(dist, [src], ['maya-abc'])).toBe(`${dist}/ is older than the sources`);
  });
});
