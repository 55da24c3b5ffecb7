// First, so no schema below builds before Zod is told not to probe `new Function` under the CSP.
import '../lib/zod-jitless.ts';
import { answersFileSchema, type AnswersFile } from '../schemas/answers.ts';
import { describeValue, type Problem } from '../schemas/problems.ts';
import { zodProblems } from '../schemas/zod-problems.ts';
import { answersProblems } from './answers-rules.ts';
import { MAX_IMPORT_BYTES } from './transfer.ts';

export { describeChanges } from './changes.ts';

/**
 * Checks an answers file a client chose to import. Loaded on demand, because
 * zod is larger than a whole homework page may ship.
 */
export type ImportCheck = { ok: true; file: AnswersFile } | { ok: false; problems: Problem[]; message: string };

/** What the client reads when a file is refused: one plain sentence, saying that nothing changed. */
export const IMPORT_REFUSED = {
  size: 'This file is too large to be a workbook answers file, so nothing was changed. Choose the file you saved with “Download my answers”.',
  unreadable: 'This file is not a workbook answers file, so nothing was changed. Choose the file you saved with “Download my answers”.',
  otherWorkbook: 'This file holds answers from a different workbook, so nothing was changed.',
  unsafe: 'Some answers in this file could not be used safely, so nothing was changed. Choose the file you saved with “Download my answers”.',
} as const;

/** `problems` keep the detail, one line each, for tests and the curious; `message` is for the client. */
function refuse(problems: Problem[], message: string): ImportCheck {
  return { ok: false, problems, message };
}

/**
 * Reads the file's text and checks it against the answers file schema, the client's slug and the answers' own rules.
 * `themeNames` are the coach's themes for this client: text equal to one of them is never refused as markup.
 */
export function checkAnswersFile(text: string, fileName: string, size: number, slug: string, themeNames: readonly string[] = []): ImportCheck {
  const problem = (field: string, expected: string, found: string): Problem => ({ level: 'error', file: fileName, field, expected, found });
  if (size > MAX_IMPORT_BYTES)
    return refuse([problem('(file)', 'an answers file of at most 1 MB', `${(size / 1_000_000).toFixed(1)} MB`)], IMPORT_REFUSED.size);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return refuse([problem('(file)', 'an answers file (JSON) downloaded from this workbook', 'text that is not JSON')], IMPORT_REFUSED.unreadable);
  }
  const parsed = answersFileSchema.safeParse(input);
  if (!parsed.success) return refuse(zodProblems(parsed.error, input, fileName), IMPORT_REFUSED.unreadable);
  if (parsed.data.slug !== slug) {
    return refuse(
      [problem('slug', 'answers downloaded from this workbook', `answers from another workbook (${describeValue(parsed.data.slug.split('-')[0])})`)],
      IMPORT_REFUSED.otherWorkbook,
    );
  }
  const rules = answersProblems(parsed.data.data, fileName, { refuse: true, allowed: new Set(themeNames) });
  if (rules.length > 0) return refuse(rules, IMPORT_REFUSED.unsafe);
  return { ok: true, file: parsed.data };
}
