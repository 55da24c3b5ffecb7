import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { parse } from 'yaml';
import { describeValue, formatProblem } from '../../src/schemas/problems.ts';

/** The paper sizes every worksheet is designed for. */
export const PAPERS = ['A4', 'Letter'] as const;
export type Paper = (typeof PAPERS)[number];

export interface PdfOptions {
  /** Only these clients; every client when empty. */
  clients: string[];
  /** Folder the PDFs go in, one folder per client. */
  out: string;
  /** Paper for the coach's session sheet. */
  sessionPaper: Paper;
  help: boolean;
}

export const PDF_USAGE = `Usage: npm run pdf -- [--client <slug>]... [--out <folder>] [--paper a4|letter]

Writes, for every client (or only the ones named with --client):
  <out>/<slug>/workbook-blank-a4.pdf      the blank worksheets on A4
  <out>/<slug>/workbook-blank-letter.pdf  the blank worksheets on US Letter
  <out>/<slug>/session-sheet.pdf          the coach's session sheet (on --paper, A4 unless told)
The site is built first when dist/ is missing or older than the sources. <out> is pdf/ unless told.`;

const CLI = 'npm run pdf';
const FLAGS = 'one of --client <slug>, --out <folder>, --paper a4|letter, --help';

/** A client the PDFs can be made for, read from the content folder. */
export interface ClientEntry {
  slug: string;
  name: string;
  /** The workbook folder the client's file names; empty when the file does not say. */
  workbook?: string;
}

/**
 * Reads `npm run pdf` arguments. Returns the options, or the one-line error to
 * print, in the project's error style (`error: <where>: <field>: expected …, found …`).
 */
export function parsePdfArgs(argv: string[], known: ClientEntry[]): { options: PdfOptions } | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        client: { type: 'string', multiple: true },
        out: { type: 'string' },
        paper: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { error: argumentError(error, argv) };
  }
  const { values, positionals } = parsed;
  const fail = (field: string, expected: string, found: string) => ({
    error: formatProblem({ level: 'error', file: CLI, field, expected, found }),
  });
  if (positionals.length > 0) return fail(positionals[0] ?? '', FLAGS, 'an argument without a flag');
  if (values.help) return { options: { clients: [], out: 'pdf', sessionPaper: 'A4', help: true } };

  const out = values.out ?? 'pdf';
  if (out.trim() === '' || out.startsWith('-')) return fail('--out', 'a folder to write the PDFs in', describeValue(out));

  const paperText = (values.paper ?? 'a4').toLowerCase();
  const sessionPaper = PAPERS.find((paper) => paper.toLowerCase() === paperText);
  if (!sessionPaper) return fail('--paper', 'a4 or letter', describeValue(values.paper));

  const clients = values.client ?? [];
  const slugs = new Set(known.map((client) => client.slug));
  for (const slug of clients) {
    if (slug.trim() === '' || slug.startsWith('-')) return fail('--client', 'a client slug', describeValue(slug));
    if (!slugs.has(slug)) {
      const hint =
        known.length === 0
          ? 'no clients exist yet'
          : known
              .map((client) => client.slug)
              .slice(0, 3)
              .join(', ') + (known.length > 3 ? ', …' : '');
      return fail('--client', `the file name of a client in the content folder (${hint})`, describeValue(slug));
    }
  }
  return { options: { clients: [...new Set(clients)], out, sessionPaper, help: false } };
}

/** Turns node:util's parse errors into one line in the project's style. */
function argumentError(error: unknown, argv: string[]): string {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /--([a-z-]+)/.exec(message)?.[1] ?? '';
    if (/does not take an argument/.test(message)) {
      return formatProblem({ level: 'error', file: CLI, field: `--${name}`, expected: 'no value', found: 'a value' });
    }
    const expected = name === 'client' ? 'a client slug' : name === 'out' ? 'a folder to write the PDFs in' : 'a4 or letter';
    return formatProblem({ level: 'error', file: CLI, field: `--${name}`, expected, found: 'nothing' });
  }
  const flag = /'(-{1,2}[^' ,]+)/.exec(message)?.[1] ?? argv.find((arg) => arg.startsWith('-')) ?? '(arguments)';
  return formatProblem({ level: 'error', file: CLI, field: flag, expected: FLAGS, found: 'an unknown option' });
}

/** The clients in a content folder, from their file names and `name` fields. */
export function readClients(contentDir: string): ClientEntry[] {
  const dir = join(contentDir, 'clients');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .map((file) => {
      const slug = file.replace(/\.ya?ml$/, '');
      const entry: ClientEntry = { slug, name: slug };
      try {
        const data = parse(readFileSync(join(dir, file), 'utf8')) as { name?: unknown; workbook?: unknown; sessions?: unknown } | null;
        if (typeof data?.name === 'string') entry.name = data.name;
        // The session sheet is the first session's guide, at /coach/<slug>/<page>/.
        const first = Array.isArray(data?.sessions) ? (data.sessions[0] as { workbook?: unknown } | undefined)?.workbook : data?.workbook;
        if (typeof first === 'string') entry.workbook = first;
      } catch {
        // The build reports a broken client file with its own message; here the slug is name enough.
      }
      return entry;
    });
}

/**
 * The coach page that prints as the session sheet: the workbook's first coach
 * page that is not a letter (the values workbook's session guide), by order.
 */
export function sessionSheetPage(contentDir: string, workbook: string | undefined): string | undefined {
  if (!workbook) return undefined;
  const dir = join(contentDir, 'workbooks', workbook);
  if (!existsSync(dir)) return undefined;
  const pages = readdirSync(dir)
    .filter((file) => /\.mdx?$/.test(file))
    .flatMap((file) => {
      const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, file), 'utf8'))?.[1];
      if (front === undefined) return [];
      try {
        const data = parse(front) as { audience?: unknown; order?: unknown; layout?: unknown } | null;
        if (data?.audience !== 'coach' || data.layout === 'letter') return [];
        return [{ page: file.replace(/\.mdx?$/, ''), order: typeof data.order === 'number' ? data.order : 0 }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => a.order - b.order || a.page.localeCompare(b.page));
  return pages[0]?.page;
}

/** The newest modification time of any file under the given paths, in ms. */
export function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules' && !entry.startsWith('.')) visit(join(path, entry));
    } else if (stat.mtimeMs > newest) newest = stat.mtimeMs;
  };
  for (const path of paths) visit(path);
  return newest;
}

/**
 * Why `dist` needs a build before printing, or undefined when it is current:
 * it is missing, older than a source file, or lacks a client's print page.
 */
export function staleReason(dist: string, sources: string[], slugs: string[]): string | undefined {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return `${dist}/ has no built site`;
  if (newestMtime(sources) > statSync(index).mtimeMs) return `${dist}/ is older than the sources`;
  const missing = slugs.find((slug) => !existsSync(join(dist, slug, 'print', 'index.html')));
  if (missing) return `${dist}/ has no print page for ${missing}`;
  return undefined;
}

/** Counts the pages of a PDF from its page tree, as pdfinfo would. */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  let pages = 0;
  for (const match of text.matchAll(/\/Type\s*\/Page(?![A-Za-z])/g)) if (match) pages += 1;
  return pages;
}

/** Loads a page and waits for its fonts and its answers script, ready to print. */
export async function loadPage(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response || !response.ok()) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** One PDF written to disk. */
export interface WrittenPdf {
  path: string;
  pages: number;
}

/** Files printed from one address. */
export interface PackGroup {
  path: string;
  files: { file: string; paper: Paper }[];
}

/**
 * The files of one client's pack, grouped by the address they print from
 * (relative to the site's base). Without a session page there is no session sheet.
 */
export function packFiles(slug: string, sessionPaper: Paper, sessionPage: string | undefined): PackGroup[] {
  const blank: PackGroup[] = [
    {
      path: `${slug}/print/?blank`,
      files: [
        { file: 'workbook-blank-a4.pdf', paper: 'A4' },
        { file: 'workbook-blank-letter.pdf', paper: 'Letter' },
      ],
    },
  ];
  if (sessionPage === undefined) return blank;
  return [...blank, { path: `coach/${slug}/${sessionPage}/`, files: [{ file: 'session-sheet.pdf', paper: sessionPaper }] }];
}

/**
 * Writes one client's PDF pack in an open browser context; reusing one context
 * for every client keeps fonts and styles cached. Each address loads once and
 * prints on every paper it needs; the addresses print side by side, which
 * keeps both cores busy without a second browser.
 */
export async function writePack(
  context: BrowserContext,
  siteUrl: string,
  slug: string,
  out: string,
  sessionPaper: Paper,
  sessionPage: string | undefined,
): Promise<WrittenPdf[]> {
  const folder = join(out, slug);
  await mkdir(folder, { recursive: true });
  const groups = await Promise.all(
    packFiles(slug, sessionPaper, sessionPage).map(async (group) => {
      const page = await context.newPage();
      try {
        await loadPage(page, new URL(group.path, siteUrl).href);
        const written: WrittenPdf[] = [];
        for (const item of group.files) {
          const pdf = await page.pdf({ format: item.paper, preferCSSPageSize: true, printBackground: true });
          const path = join(folder, item.file);
          await writeFile(path, pdf);
          written.push({ path: relative(process.cwd(), path) || path, pages: countPdfPages(pdf) });
        }
        return written;
      } finally {
        await page.close();
      }
    }),
  );
  return groups.flat();
}
