// First, so no schema below builds before Zod is told not to probe `new Function` under the CSP.
import '../lib/zod-jitless.ts';
import { answersFileSchema, type AnswersFile } from '../schemas/answers.ts';
import { describeValue, type Problem } from '../schemas/problems.ts';
import { zodProblems } from '../schemas/zod-problems.ts';
import { answersProblems } from './answers-rules.ts';
import { ANSWERS_VERSION, MAX_ANSWERS_FILE_BYTES } from './limits.ts';
import { migrateAnswers } from './migrate.ts';

export { describeChanges } from './changes.ts';

/**
 * The one check of an answers file, wherever it comes from: a file the client
 * imports, a file the coach opens, the answers inside a share link, the copy a
 * coach kept. Older files are carried forward by the same migration as stored
 * answers. Loaded on demand, because zod is larger than a whole homework page may ship.
 */
export type FileCheck = { ok: true; file: AnswersFile } | { ok: false; problems: Problem[]; message: string };

export interface FileCheckOptions {
  /** The coach's themes for this client: their ids tell the coach's values from the client's in old files. */
  themes?: readonly { id: string; name: string }[];
  /** Refuse text that looks like HTML, except the coach's own theme names. Imports do; the coach's review shows everything as text. */
  refuseMarkup?: boolean;
  /** Words for a file for another client. */
  slugWords?: 'client' | 'coach';
  now?: number;
}

/** What a person reads when a file is refused: one plain sentence, saying that nothing changed. */
export const IMPORT_REFUSED = {
  size: 'This file is too large to be a workbook answers file, so nothing was changed. Choose the file you saved with “Download my answers”.',
  unreadable: 'This file is not a workbook answers file, so nothing was changed. Choose the file you saved with “Download my answers”.',
  otherWorkbook: 'This file holds answers from a different workbook, so nothing was changed.',
  otherClient: 'These answers belong to another client, so nothing was changed.',
  unsafe: 'Some answers in this file could not be used safely, so nothing was changed. Choose the file you saved with “Download my answers”.',
} as const;

/** `problems` keep the detail, one line each, for tests and the build log; `message` is for the person. */
function refuse(problems: Problem[], message: string): FileCheck {
  return { ok: false, problems, message };
}

const problem = (source: string, field: string, expected: string, found: string): Problem => ({ level: 'error', file: source, field, expected, found });

/** Carries a file of an older version forward, so it is checked as a file of today. */
function migrateFile(input: unknown, options: FileCheckOptions): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const file = input as Record<string, unknown>;
  const version = file.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0 || version >= ANSWERS_VERSION) return input;
  const themeIds = new Set((options.themes ?? []).map((theme) => theme.id));
  const data = migrateAnswers(file.data, version, themeIds, options.now ?? Date.now());
  // Data that cannot be carried forward is left as it is, so the schema says what is wrong with it.
  return typeof data === 'string' ? input : { ...file, version: ANSWERS_VERSION, data };
}

/** Checks parsed JSON as an answers file for `slug`. */
export function checkAnswersInput(input: unknown, source: string, slug: string, options: FileCheckOptions = {}): FileCheck {
  const migrated = migrateFile(input, options);
  const parsed = answersFileSchema.safeParse(migrated);
  if (!parsed.success) return refuse(zodProblems(parsed.error, migrated, source), IMPORT_REFUSED.unreadable);
  if (parsed.data.slug !== slug) {
    return options.slugWords === 'coach'
      ? refuse([problem(source, 'slug', `answers for this client (${slug})`, `answers for another client (${parsed.data.slug})`)], IMPORT_REFUSED.otherClient)
      : refuse(
          [
            problem(
              source,
              'slug',
              'answers downloaded from this workbook',
              `answers from another workbook (${describeValue(parsed.data.slug.split('-')[0])})`,
            ),
          ],
          IMPORT_REFUSED.otherWorkbook,
        );
  }
  const names = new Set((options.themes ?? []).map((theme) => theme.name));
  const rules = answersProblems(parsed.data.data, source, { refuse: options.refuseMarkup ?? true, allowed: names });
  if (rules.length > 0) return refuse(rules, IMPORT_REFUSED.unsafe);
  return { ok: true, file: parsed.data };
}

/** Reads an answers file's text (of `size` bytes) and checks it. */
export function checkAnswersFile(text: string, source: string, size: number, slug: string, options: FileCheckOptions = {}): FileCheck {
  if (size > MAX_ANSWERS_FILE_BYTES) {
    return refuse([problem(source, '(file)', 'an answers file of at most 1 MB', `${(size / MAX_ANSWERS_FILE_BYTES).toFixed(1)} MB`)], IMPORT_REFUSED.size);
  }
  if (text.trim() === '')
    return refuse([problem(source, '(file)', 'an answers file downloaded from the workbook', 'an empty file')], IMPORT_REFUSED.unreadable);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return refuse([problem(source, '(file)', 'an answers file (JSON) downloaded from this workbook', 'text that is not JSON')], IMPORT_REFUSED.unreadable);
  }
  return checkAnswersInput(input, source, slug, options);
}

/** Reads an answers file's bytes, which must be UTF-8 text, and checks it. `size` is the file's, when its bytes were not read. */
export function checkAnswersBytes(bytes: Uint8Array, source: string, slug: string, options: FileCheckOptions = {}, size = bytes.length): FileCheck {
  if (size > MAX_ANSWERS_FILE_BYTES) return checkAnswersFile('', source, size, slug, options);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse([problem(source, '(file)', 'answers as UTF-8 text', 'bytes that are not text')], IMPORT_REFUSED.unreadable);
  }
  return checkAnswersFile(text, source, bytes.length, slug, options);
}
