import { mkdirSync, openSync, readFileSync, writeSync, closeSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { checkClient, contentDir, listWorkbooks } from '../../src/lib/content-check.ts';
import { makeSlug } from '../../src/lib/slug.ts';
import { formatProblem, type Problem } from '../../src/schemas/problems.ts';
import { COMMON_FLAGS, readFlags } from './cli-flags.ts';

/** The flags `npm run new-client` understands. */
export const FLAGS = {
  name: { type: 'string' },
  'preferred-name': { type: 'string' },
  theme: { type: 'string', multiple: true },
  date: { type: 'string' },
  workbook: { type: 'string' },
  coach: { type: 'string' },
  email: { type: 'string' },
  ...COMMON_FLAGS,
} as const;

export const USAGE = `Usage: npm run new-client -- --name "Maya Okafor" --theme Creativity --theme Family --date 2026-12-03 [--preferred-name Maya] [--workbook values] [--coach "Name"] [--email coach@example.com] [--json]
Run with no flags in a terminal to be asked for each answer.`;

export interface ClientAnswers {
  name?: string;
  preferredName?: string;
  themes: string[];
  date?: string;
  workbook?: string;
  coachName?: string;
  coachEmail?: string;
}

export type ParsedFlags = { ok: true; answers: ClientAnswers; json: boolean; help: boolean; empty: boolean } | { ok: false; problem: Problem };

/** Reads the command line. An unknown or malformed flag is one problem line, never a stack trace. */
export function parseFlags(argv: string[]): ParsedFlags {
  return readFlags('new-client', argv, FLAGS, (values) => ({
    empty: argv.length === 0,
    answers: {
      name: values.name,
      preferredName: values['preferred-name'],
      themes: values.theme ?? [],
      date: values.date,
      workbook: values.workbook,
      coachName: values.coach,
      coachEmail: values.email,
    },
  }));
}

/** Turns the answers into the YAML object a client file holds. */
export function clientObject(answers: ClientAnswers): Record<string, unknown> {
  const coach: Record<string, string> = {};
  if (answers.coachName !== undefined) coach.name = answers.coachName;
  if (answers.coachEmail !== undefined) coach.email = answers.coachEmail;
  return {
    name: answers.name,
    ...(answers.preferredName !== undefined ? { preferredName: answers.preferredName } : {}),
    sessionDate: answers.date,
    workbook: answers.workbook ?? 'values',
    themes: answers.themes.map((name) => ({ name, evidence: [] })),
    ...(Object.keys(coach).length > 0 ? { coach } : {}),
  };
}

/** Writes a new file and refuses to replace an existing one, even in a race. */
export function writeClientFile(path: string, text: string): void {
  const fd = openSync(path, 'wx');
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

export interface CreateResult {
  ok: boolean;
  problems: Problem[];
  file?: string;
  slug?: string;
  workbookPath?: string;
  workbookUrl?: string;
}

function readBaseUrl(dir: string): string | undefined {
  const path = join(dir, 'coach.yaml');
  if (!existsSync(path)) return undefined;
  try {
    const coach = parseYaml(readFileSync(path, 'utf8')) as { baseUrl?: unknown } | null;
    return typeof coach?.baseUrl === 'string' ? coach.baseUrl.replace(/\/+$/, '') : undefined;
  } catch {
    return undefined;
  }
}

/** Validates the answers exactly as the build does, then writes the client file. Writes nothing on error. */
export function createClient(answers: ClientAnswers, dir: string = contentDir()): CreateResult {
  const slug = makeSlug(answers.name ?? '');
  const folder = join(dir, 'clients');
  const path = join(folder, `${slug}.yaml`);
  const shown = relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path);
  const object = clientObject(answers);
  const { problems } = checkClient(object, shown, listWorkbooks(dir));
  if (problems.some((problem) => problem.level === 'error')) return { ok: false, problems };

  const header = `# Client file written by npm run new-client. The file name is the private slug: never share it.\n# Add evidence quotes under each theme; they help in the session.\n`;
  mkdirSync(folder, { recursive: true });
  try {
    writeClientFile(path, header + stringify(object, { lineWidth: 0 }));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      problems: [
        ...problems,
        {
          level: 'error',
          file: shown,
          field: '(file)',
          expected: 'a new file',
          found: code === 'EEXIST' ? 'an existing file (never overwritten)' : `a write error (${code ?? String(error)})`,
        },
      ],
    };
  }
  const baseUrl = readBaseUrl(dir);
  return { ok: true, problems, file: shown, slug, workbookPath: `/${slug}/`, workbookUrl: baseUrl ? `${baseUrl}/${slug}/` : undefined };
}

export { formatProblem };
