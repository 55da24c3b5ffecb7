import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isSeq, parse as parseYaml, parseDocument, Scalar, type Document, type Pair, type YAMLMap } from 'yaml';
import { checkClient, contentDir, listWorkbooks } from '../../src/lib/content-check.ts';
import { isPrivateSlug } from '../../src/lib/slug.ts';
import { isCalendarDate } from '../../src/schemas/dates.ts';
import { describeValue, formatProblem, type Problem } from '../../src/schemas/problems.ts';
import { COMMON_FLAGS, readFlags } from './cli-flags.ts';

/** The flags `npm run new-session` understands. */
export const FLAGS = {
  client: { type: 'string' },
  workbook: { type: 'string' },
  date: { type: 'string' },
  ...COMMON_FLAGS,
} as const;

export const USAGE = `Usage: npm run new-session -- --client <slug> --workbook goals --date 2026-12-10 [--json]
Adds a session to a client's file. Run with flags missing in a terminal to be asked for them.`;

const CLI = 'new-session';

export interface SessionRequest {
  /** The client's slug: their file name in `clients/`, without `.yaml`. */
  client?: string | undefined;
  workbook?: string | undefined;
  date?: string | undefined;
}

export type ParsedFlags = { ok: true; request: SessionRequest; json: boolean; help: boolean } | { ok: false; problem: Problem };

function flagProblem(field: string, expected: string, found: string): Problem {
  return { level: 'error', file: CLI, field, expected, found };
}

/** Reads the command line. An unknown or malformed flag is one problem line, never a stack trace. */
export function parseFlags(argv: string[]): ParsedFlags {
  return readFlags(CLI, argv, FLAGS, (values) => ({ request: { client: values.client, workbook: values.workbook, date: values.date } }));
}

/** The flags a request still lacks, for the terminal to ask about or the error to name. */
export function missingFlags(request: SessionRequest): Array<'client' | 'workbook' | 'date'> {
  return (['client', 'workbook', 'date'] as const).filter((key) => request[key] === undefined || request[key].trim() === '');
}

/** A client file for the terminal's list: slug, name and the sessions it already has. */
export interface ClientChoice {
  slug: string;
  name: string;
}

/** The client files in a content folder, by slug, with their names. */
export function listClients(dir: string = contentDir()): ClientChoice[] {
  const folder = join(dir, 'clients');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .map((file) => {
      const slug = file.replace(/\.ya?ml$/, '');
      try {
        const data = parseYaml(readFileSync(join(folder, file), 'utf8')) as { name?: unknown } | null;
        return { slug, name: typeof data?.name === 'string' ? data.name : slug };
      } catch {
        return { slug, name: slug };
      }
    });
}

/** The first client page of a workbook, by order: where a session of it starts. */
export function firstClientPage(dir: string, workbook: string): string | undefined {
  const folder = join(dir, 'workbooks', workbook);
  if (!existsSync(folder)) return undefined;
  const pages = readdirSync(folder)
    .filter((file) => /\.mdx?$/.test(file))
    .flatMap((file) => {
      const page = file.replace(/\.mdx?$/, '');
      const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(folder, file), 'utf8'))?.[1];
      if (page === 'index' || front === undefined) return [];
      try {
        const data = parseYaml(front) as { audience?: unknown; order?: unknown } | null;
        return data?.audience === 'client' ? [{ page, order: typeof data.order === 'number' ? data.order : 0 }] : [];
      } catch {
        return [];
      }
    });
  return pages.sort((a, b) => a.order - b.order || a.page.localeCompare(b.page))[0]?.page;
}

export interface AddResult {
  ok: boolean;
  problems: Problem[];
  file?: string;
  slug?: string;
  workbook?: string;
  date?: string;
  /** The address of the new session's first client page, such as `/maya-…/goals/goals/` (the home when it has none). */
  sessionPath?: string;
}

function quoted(text: string): Scalar {
  const scalar = new Scalar(text);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/** The sessions a client file lists, in either form: `sessions:`, or the single `sessionDate` and `workbook`. */
function sessionsIn(data: Record<string, unknown>): Array<{ workbook: string; date: string }> {
  if (Array.isArray(data.sessions)) return data.sessions as Array<{ workbook: string; date: string }>;
  return [{ workbook: typeof data.workbook === 'string' ? data.workbook : 'values', date: String(data.sessionDate) }];
}

/**
 * Adds the session to the document. A file with one session (`sessionDate` and
 * `workbook`) becomes a `sessions:` list where `sessionDate` stood; everything
 * else, comments included, stays as the coach wrote it.
 */
function appendSession(doc: Document, workbook: string, date: string): void {
  const root = doc.contents as YAMLMap;
  const entry = doc.createNode({ workbook, date: quoted(date) });
  const list = doc.get('sessions');
  if (isSeq(list)) {
    list.items.push(entry);
    return;
  }
  const first = doc.createNode({ workbook: (doc.get('workbook') as string | undefined) ?? 'values', date: quoted(String(doc.get('sessionDate'))) });
  const sessions = doc.createNode([first, entry]);
  const at = root.items.findIndex((pair) => String((pair.key as Scalar | undefined)?.value) === 'sessionDate');
  const old = root.items[at] as Pair<Scalar, unknown>;
  const key = doc.createNode('sessions') as Scalar;
  key.commentBefore = old.key?.commentBefore;
  key.spaceBefore = old.key?.spaceBefore;
  // A comment after the date (`sessionDate: "…" # first meeting`) stays with the first session.
  const comment = (old.value as Scalar | undefined)?.comment;
  const firstDate = (first as YAMLMap).get('date', true) as Scalar;
  if (comment) firstDate.comment = comment;
  root.items.splice(at, 1, doc.createPair(key, sessions) as Pair<Scalar, unknown>);
  root.delete('workbook');
}

/**
 * Appends a session to a client's file: checks the client, the workbook and the
 * date, then rewrites the file through the YAML document so it keeps its
 * comments and layout. Writes nothing when anything is wrong.
 */
export function addSession(request: SessionRequest, dir: string = contentDir()): AddResult {
  const missing = missingFlags(request);
  if (missing.length > 0) {
    const flag = missing[0]!;
    const expected = { client: "a client's slug (their file name in clients/)", workbook: 'a workbook name', date: 'a date written as YYYY-MM-DD' }[flag];
    return { ok: false, problems: [flagProblem(`--${flag}`, expected, 'nothing')] };
  }
  const slug = request.client!.trim();
  const workbook = request.workbook!.trim();
  const date = request.date!.trim();

  const folder = join(dir, 'clients');
  const path = [`${slug}.yaml`, `${slug}.yml`].map((name) => join(folder, name)).find((candidate) => existsSync(candidate));
  if (!isPrivateSlug(slug) || !path) {
    return { ok: false, problems: [flagProblem('--client', `the slug of a client file in ${shown(folder)}/`, `no client ${describeValue(slug)}`)] };
  }
  const file = shown(path);
  const workbooks = listWorkbooks(dir);
  if (!workbooks.includes(workbook)) {
    return { ok: false, problems: [flagProblem('--workbook', `one of ${workbooks.join(', ')}`, describeValue(workbook))] };
  }
  if (!isCalendarDate(date)) {
    return { ok: false, problems: [flagProblem('--date', 'a real calendar date written as YYYY-MM-DD', describeValue(date))] };
  }

  const text = readFileSync(path, 'utf8');
  const doc = parseDocument(text, { prettyErrors: false });
  const before = doc.errors.length === 0 ? checkClient(doc.toJS(), file, workbooks, slug) : undefined;
  if (!before || !isMap(doc.contents) || before.problems.some((problem) => problem.level === 'error')) {
    const problems = before?.problems.filter((problem) => problem.level === 'error') ?? [
      {
        level: 'error' as const,
        file,
        field: '(file)',
        expected: 'valid YAML',
        found: `a syntax error (${doc.errors[0]?.message.split('\n')[0] ?? 'not a map'})`,
      },
    ];
    return { ok: false, problems };
  }

  const sessions = sessionsIn(doc.toJS() as Record<string, unknown>);
  const last = sessions.at(-1)!;
  const twice = sessions.find((session) => session.workbook === workbook);
  if (twice) {
    return {
      ok: false,
      problems: [
        flagProblem('--workbook', `a workbook this client has not followed yet (${file} has ${twice.workbook} on ${twice.date})`, describeValue(workbook)),
      ],
    };
  }
  if (date < last.date) {
    return {
      ok: false,
      problems: [flagProblem('--date', `a date on or after the client's previous session (${last.workbook} on ${last.date})`, describeValue(date))],
    };
  }

  appendSession(doc, workbook, date);
  const after = checkClient(doc.toJS(), file, workbooks, slug);
  const errors = after.problems.filter((problem) => problem.level === 'error');
  if (errors.length > 0) return { ok: false, problems: errors };

  // Written beside the file and renamed over it, so the file is never left half written.
  const temporary = `${path}.new-session-${process.pid}`;
  writeFileSync(temporary, doc.toString({ lineWidth: 0 }));
  renameSync(temporary, path);

  const page = firstClientPage(dir, workbook);
  return {
    ok: true,
    problems: after.problems,
    file,
    slug,
    workbook,
    date,
    sessionPath: page ? `/${slug}/${workbook}/${page}/` : `/${slug}/`,
  };
}

function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

export { formatProblem };
