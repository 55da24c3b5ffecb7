import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { clientSchema, RECOMMENDED_THEMES, tooFewThemes, type ClientData } from '../schemas/client.ts';
import { coachSchema, type Coach } from '../schemas/coach.ts';
import { workbookPageSchema, type WorkbookPageData } from '../schemas/workbook-page.ts';
import { describeValue, type Problem } from '../schemas/problems.ts';
import { zodProblems } from '../schemas/zod-problems.ts';
import { isPrivateSlug, themeKey } from './slug.ts';
import { letterProblems } from './letter.ts';

/** Where a project's content lives: `src/content` under its root (the current folder by default). */
export function contentDir(root: string = process.cwd()): string {
  return join(resolve(root), 'src', 'content');
}

function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

/** Parses YAML as YAML 1.2, so `2026-13-45` stays text and is checked as a date. */
function readYaml(path: string, problems: Problem[]): unknown {
  try {
    return parseYaml(readFileSync(path, 'utf8'), { prettyErrors: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    problems.push({ level: 'error', file: shown(path), field: '(file)', expected: 'valid YAML', found: `a syntax error (${reason})` });
    return undefined;
  }
}

/** The names of the workbooks present: folders under `workbooks/` holding at least one page. */
export function listWorkbooks(dir: string): string[] {
  const root = join(dir, 'workbooks');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .filter((name) => readdirSync(join(root, name)).some((file) => /\.mdx?$/.test(file)))
    .sort();
}

/** Every workbook a raw client file names, with its field: `workbook`, or each of `sessions[i].workbook`. */
function sessionWorkbooks(raw: { workbook?: unknown; sessions?: unknown }): Array<{ field: string; workbook: unknown }> {
  if (!Array.isArray(raw.sessions)) return [{ field: 'workbook', workbook: raw.workbook ?? 'values' }];
  return raw.sessions.map((session: unknown, index) => ({
    field: `sessions[${index}].workbook`,
    workbook: typeof session === 'object' && session !== null ? (session as { workbook?: unknown }).workbook : undefined,
  }));
}

/** Checks one client's parsed YAML. Used by the build and by `npm run new-client` before it writes. */
export function checkClient(input: unknown, file: string, workbooks: readonly string[], slug?: string): { data?: ClientData; problems: Problem[] } {
  const problems: Problem[] = [];
  if (slug !== undefined && !isPrivateSlug(slug)) {
    problems.push({
      level: 'error',
      file,
      field: '(file name)',
      expected: 'a private slug like maya-<20 or more random a-z0-9>; create clients with npm run new-client',
      found: describeValue(slug),
    });
  }
  const parsed = clientSchema.safeParse(input ?? {});
  if (!parsed.success) problems.push(...zodProblems(parsed.error, input, file));

  // Duplicates and the workbook name are checked on the raw input too, so one run reports every problem.
  const raw = (input ?? {}) as { themes?: unknown; workbook?: unknown; sessions?: unknown };
  const rawThemes = Array.isArray(raw.themes) ? raw.themes : [];
  const seen = new Map<string, number>();
  rawThemes.forEach((theme: unknown, index: number) => {
    const name = typeof theme === 'string' ? theme : typeof theme === 'object' && theme !== null ? (theme as { name?: unknown }).name : undefined;
    if (typeof name !== 'string' || name.trim() === '') return;
    const key = themeKey(name);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else
      problems.push({
        level: 'error',
        file,
        field: `themes[${index}]`,
        expected: `a theme different from themes[${first}] (case and spaces are ignored)`,
        found: `a duplicate, ${describeValue(name)}`,
      });
  });
  for (const { field, workbook } of sessionWorkbooks(raw)) {
    if (typeof workbook !== 'string' || workbooks.includes(workbook.trim())) continue;
    problems.push({
      level: 'error',
      file,
      field,
      expected: workbooks.length > 0 ? `one of ${workbooks.join(', ')}` : 'a workbook folder under workbooks/',
      found: describeValue(workbook),
    });
  }
  if (!parsed.success) return { problems };
  const data = parsed.data;
  if (data.letter !== undefined) problems.push(...letterProblems(data.letter, file, 'letter', 'letter line'));
  const count = data.themes.length;
  if (tooFewThemes(count)) {
    problems.push({
      level: 'warning',
      file,
      field: 'themes',
      expected: `at least ${RECOMMENDED_THEMES.min} themes (the method asks for at least 8-10)`,
      found: `${count} theme${count === 1 ? '' : 's'}`,
    });
  }
  return { data, problems };
}

/** A page file's frontmatter block, from the opening `---` to the closing one; its YAML is group 1. */
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

/** Splits YAML frontmatter off an MDX file. */
function frontmatter(text: string): string | undefined {
  return FRONTMATTER.exec(text)?.[1];
}

/** One workbook page as the site renders it: its frontmatter checked, its text kept for letters. */
export interface WorkbookPageEntry {
  /** `<workbook>/<page>`, e.g. `values/notes`. */
  id: string;
  /** The file under `workbooks/`, e.g. `values/notes.mdx`: how the page's body is found. */
  file: string;
  /** The file as the build log names it. */
  filePath: string;
  data: WorkbookPageData;
  /** The text after the frontmatter: a letter template's Markdown. */
  body: string;
}

/** What a workbook page's compiled Markdown or MDX module gives the page that shows it. */
export interface PageBody {
  Content: import('astro/runtime/server/index.js').AstroComponentFactory;
  getHeadings: () => import('astro').MarkdownHeading[];
}

/** Everything the site is built from, read and checked once. */
export interface Content {
  coach: Coach | undefined;
  clients: { slug: string; data: ClientData }[];
  pages: WorkbookPageEntry[];
}

/**
 * Reads and checks all content under `dir`: the coach file, every client and every
 * workbook page. Returns the problems, and the content that passed its checks.
 */
export function loadContent(dir: string = contentDir()): { problems: Problem[]; content: Content } {
  const problems: Problem[] = [];
  const content: Content = { coach: undefined, clients: [], pages: [] };
  const coachFile = join(dir, 'coach.yaml');
  if (!existsSync(coachFile)) {
    problems.push({ level: 'error', file: shown(coachFile), field: '(file)', expected: 'the coach file with name, email and baseUrl', found: 'no file' });
  } else {
    const input = readYaml(coachFile, problems);
    const parsed = coachSchema.safeParse(input ?? {});
    if (!parsed.success) problems.push(...zodProblems(parsed.error, input, shown(coachFile)));
    else content.coach = parsed.data;
  }

  const workbooks = listWorkbooks(dir);
  for (const workbook of workbooks) {
    const folder = join(dir, 'workbooks', workbook);
    for (const name of readdirSync(folder)
      .filter((file) => /\.mdx?$/.test(file))
      .sort()) {
      const path = join(folder, name);
      const text = readFileSync(path, 'utf8');
      const block = frontmatter(text);
      if (block === undefined) {
        problems.push({ level: 'error', file: shown(path), field: '(frontmatter)', expected: 'a --- block with title, audience and order', found: 'nothing' });
        continue;
      }
      let input: unknown;
      try {
        input = parseYaml(block);
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        problems.push({ level: 'error', file: shown(path), field: '(frontmatter)', expected: 'valid YAML', found: `a syntax error (${reason})` });
        continue;
      }
      const parsed = workbookPageSchema.safeParse(input ?? {});
      if (!parsed.success) {
        problems.push(...zodProblems(parsed.error, input, shown(path)));
        continue;
      }
      if (parsed.data.layout === 'letter') {
        // Blank the frontmatter rather than cut it, so line numbers match the file.
        const body = text.replace(FRONTMATTER, (head) => head.replace(/[^\n]/g, ''));
        problems.push(...letterProblems(body, shown(path), '(body)'), ...letterProblems(parsed.data.subject ?? '', shown(path), 'subject'));
      }
      content.pages.push({
        id: `${workbook}/${name.replace(/\.mdx?$/, '')}`,
        file: `${workbook}/${name}`,
        filePath: shown(path),
        data: parsed.data,
        body: text.replace(FRONTMATTER, '').replace(/^\r?\n/, ''),
      });
    }
  }

  const clientsDir = join(dir, 'clients');
  const files = existsSync(clientsDir)
    ? readdirSync(clientsDir)
        .filter((file) => /\.ya?ml$/.test(file))
        .sort()
    : [];
  for (const name of files) {
    const path = join(clientsDir, name);
    const input = readYaml(path, problems);
    if (input === undefined && problems.some((p) => p.file === shown(path))) continue;
    const slug = name.replace(/\.ya?ml$/, '');
    const checked = checkClient(input, shown(path), workbooks, slug);
    problems.push(...checked.problems);
    if (checked.data) content.clients.push({ slug, data: checked.data });
  }
  return { problems, content };
}

/** Checks all content under `dir`: the coach file, every client and every workbook page. */
export function checkContent(dir: string = contentDir()): Problem[] {
  return loadContent(dir).problems;
}
