// First, so no schema below builds before Zod is told not to probe `new Function` under the CSP.
import '../lib/zod-jitless.ts';
import { answersFileSchema, type AnswersFile } from '../schemas/answers.ts';
import { formatProblem, describeValue, type Problem } from '../schemas/problems.ts';
import { zodProblems } from '../schemas/zod-problems.ts';
import { answersProblems } from './check.ts';
import { MAX_IMPORT_BYTES } from './transfer.ts';

export { describeChanges } from './changes.ts';

/**
 * Checks an answers file a client chose to import. Loaded on demand, because
 * zod is larger than a whole homework page may ship.
 */
export type ImportCheck = { ok: true; file: AnswersFile } | { ok: false; problems: Problem[]; message: string };

function refuse(problems: Problem[]): ImportCheck {
  const first = problems[0];
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return { ok: false, problems, message: first ? `${formatProblem(first)}${more}` : 'error: the file could not be read' };
}

/**
 * Reads the file's text and checks it against the answers file schema, the client's slug and the answers' own rules.
 * `themeNames` are the coach's themes for this client: text equal to one of them is never refused as markup.
 */
export function checkAnswersFile(text: string, fileName: string, size: number, slug: string, themeNames: readonly string[] = []): ImportCheck {
  const problem = (field: string, expected: string, found: string): Problem => ({ level: 'error', file: fileName, field, expected, found });
  if (size > MAX_IMPORT_BYTES) return refuse([problem('(file)', 'an answers file of at most 1 MB', `${(size / 1_000_000).toFixed(1)} MB`)]);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return refuse([problem('(file)', 'an answers file (JSON) downloaded from this workbook', 'text that is not JSON')]);
  }
  const parsed = answersFileSchema.safeParse(input);
  if (!parsed.success) return refuse(zodProblems(parsed.error, input, fileName));
  if (parsed.data.slug !== slug) {
    return refuse([problem('slug', 'answers downloaded from this workbook', `answers from another workbook (${describeValue(parsed.data.slug.split('-')[0])})`)]);
  }
  const rules = answersProblems(parsed.data.data, fileName, { refuse: true, allowed: new Set(themeNames) });
  if (rules.length > 0) return refuse(rules);
  return { ok: true, file: parsed.data };
}
