import type { Answers, AnswersFile } from '../schemas/answers.ts';

// Kept in step with ANSWERS_VERSION in src/schemas/answers.ts (a unit test checks); importing it
// would bring zod into every client page that shows the share button.
const ANSWERS_VERSION = 1;

/**
 * Where "Share with my coach" gets the client's answers: the answers store's
 * saved copy, `workbook:<slug>:answers` = `{ version: 1, data }` (the store
 * contract in src/stores/answers.ts). Reading the saved copy keeps the share
 * island free of the store's code; the coach's review page checks every field
 * with the full schema, so only the outline is checked here.
 */
export type StoredAnswers = { ok: true; answers: Answers } | { ok: false; reason: 'none' | 'unavailable' | 'unreadable' | 'newer' };

/** The key the answers store writes for a client. */
export function storedAnswersKey(slug: string): string {
  return `workbook:${slug}:answers`;
}

/** Reads the client's saved answers without changing anything. */
export function readStoredAnswers(slug: string): StoredAnswers {
  let raw: string | null;
  try {
    raw = globalThis.localStorage.getItem(storedAnswersKey(slug));
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
  if (raw === null) return { ok: false, reason: 'none' };
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (typeof stored !== 'object' || stored === null) return { ok: false, reason: 'unreadable' };
  const { version, data } = stored as { version?: unknown; data?: unknown };
  if (typeof version === 'number' && version > ANSWERS_VERSION) return { ok: false, reason: 'newer' };
  if (version !== ANSWERS_VERSION || !hasOutline(data)) return { ok: false, reason: 'unreadable' };
  return { ok: true, answers: data };
}

function hasOutline(data: unknown): data is Answers {
  if (typeof data !== 'object' || data === null) return false;
  const answers = data as Partial<Answers>;
  return (
    typeof answers.notes === 'string' &&
    Array.isArray(answers.history) &&
    Array.isArray(answers.values) &&
    answers.values.every((value) => typeof value === 'object' && value !== null && Array.isArray(value.chain))
  );
}

/** Whether the client has written anything worth sending. */
export function hasAnswers(answers: Answers): boolean {
  return (
    answers.notes.trim() !== '' ||
    answers.history.length > 0 ||
    answers.values.some((value) => value.chain.length > 0 || value.rating !== null || value.origin === 'client')
  );
}

/** The export file, the same shape "Download my answers" writes. */
export function answersFileFor(slug: string, answers: Answers, now: Date = new Date()): AnswersFile {
  return { kind: 'coaching-workbook-answers', version: ANSWERS_VERSION, slug, exportedAt: now.toISOString(), data: answers };
}
