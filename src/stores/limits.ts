/**
 * The numbers of the answers contract: the one version constant and the one
 * size limit of an answers file. Kept apart from src/schemas/answers.ts, which
 * re-exports them, because importing any value from that module brings zod
 * along (about 30 KB gzip): its schemas are built when the module loads.
 */
/** The version of stored answers, answers files and share links. */
export const ANSWERS_VERSION = 2;
/** A client may keep up to this many values. */
export const MAX_VALUES = 20;
/** The other limits of the answers, in characters or entries. */
export const LIMITS = {
  label: 60,
  word: 80,
  words: 40,
  notes: 200_000,
  lensText: 200,
  lensEntries: 500,
  goalText: 200,
  goals: 50,
  note: 2000,
  posterTitle: 80,
  workbooks: 20,
} as const;
/** The largest answers file an import or the coach's review will read. Real files are a few kilobytes. */
export const MAX_ANSWERS_FILE_BYTES = 1_000_000;
