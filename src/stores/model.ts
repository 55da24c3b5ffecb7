import type { Answers, PosterChoices, RankSnapshot, Value } from '../schemas/answers.ts';
import { DEFAULT_SIZE, DEFAULT_STYLE, DEFAULT_TITLE, DEFAULT_TOP_N } from '../poster/options.ts';
import { MAX_VALUES } from './limits.ts';

/**
 * The pure rules of the client's answers: every change is a function from one
 * `Answers` to the next, so the store, the tests and an import all share them.
 * A function returns the very same object when it changes nothing, which lets
 * the store skip a save.
 *
 * This file holds what every page needs; the rules of one homework live beside
 * it (model-values.ts, model-ranking.ts), so a page's script
 * carries only its own.
 */

export const MAX_LABEL = 60;
export const MAX_WORD = 80;
export const MAX_WORDS = 40;
export { MAX_VALUES };

/** The id of the first word of a seeded chain: the value's name as the coach wrote it. */
export const NAME_WORD_ID = 'w-name';

/** A theme as the pages pass it in: its stable id and its name. */
export interface Theme {
  id: string;
  name: string;
}

/** Why a change was refused, in words the client can read. */
export type Refusal = { ok: false; reason: string };
export type Result<T> = { ok: true; value: T } | Refusal;

/** The answers of a client who has done nothing yet: the coach's themes, in the coach's order. */
export function seedAnswers(themes: readonly Theme[]): Answers {
  return {
    values: themes.slice(0, MAX_VALUES).map((theme, index) => ({
      id: theme.id,
      label: theme.name.trim().slice(0, MAX_LABEL),
      // A chain starts from the value's own name, which may turn out to be the word that sums it up.
      chain: [{ id: NAME_WORD_ID, text: theme.name.trim().slice(0, MAX_WORD) }],
      boldId: null,
      rank: index + 1,
      rating: null,
      origin: 'coach',
    })),
    history: [],
    lens: [],
    poster: defaultPosterChoices(),
    workbooks: {},
    updatedAt: 0,
  };
}

/** The workbook whose answers were the only ones before the engagement had more than one. */
export const FIRST_WORKBOOK = 'values';

/** The poster as it starts, before the client chooses anything. */
export function defaultPosterChoices(): PosterChoices {
  return { style: DEFAULT_STYLE, size: DEFAULT_SIZE, topN: DEFAULT_TOP_N, title: DEFAULT_TITLE, showName: false, name: null };
}

/** One workbook's notes; empty when none were written. */
export function notesOf(answers: Answers, workbook: string = FIRST_WORKBOOK): string {
  return answers.workbooks[workbook]?.notes ?? '';
}

/** Whether any workbook has notes. */
export function hasNotes(answers: Answers): boolean {
  return Object.values(answers.workbooks).some((book) => book.notes.trim() !== '');
}

/** Changes one workbook's own answers; the same answers back when nothing changed. */
export function mapWorkbook(answers: Answers, workbook: string, change: (book: Answers['workbooks'][string]) => Answers['workbooks'][string]): Answers {
  const before = Object.hasOwn(answers.workbooks, workbook) ? answers.workbooks[workbook] : undefined;
  const book = before ?? { notes: '' };
  const next = change(book);
  if (next === book) return answers;
  return { ...answers, workbooks: { ...answers.workbooks, [workbook]: next } };
}

/**
 * Whether the client has written anything: a change since the seed, notes, a
 * ranking, a rating, a word of their own or a value of their own. The print
 * page shows blank worksheets and the share button has nothing to send without it.
 */
export function hasAnswers(answers: Answers): boolean {
  if (answers.updatedAt > 0 || hasNotes(answers) || answers.history.length > 0 || answers.lens.length > 0) return true;
  return answers.values.some(
    (value) => value.rating !== null || value.origin === 'client' || value.boldId !== null || value.chain.some((word) => word.id !== NAME_WORD_ID),
  );
}

/** A short random id of a-z and 0-9, with a prefix saying what it names. */
export function newId(prefix: 'v' | 'w' | 'l' | 'g'): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += (byte % 36).toString(36);
  return `${prefix}-${out}`;
}

/** The local calendar day of a moment, as YYYY-MM-DD. */
export function localDay(time: number): string {
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Text that looks like markup is refused everywhere, so no page or export ever carries a tag. */
export function looksLikeMarkup(text: string): boolean {
  return /<\s*\/?\s*[a-z!?][^>]*>?/i.test(text) || /javascript\s*:/i.test(text);
}

/** Tidies typed text: one line, single spaces, no outer spaces. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function checkText(text: string, max: number, what: string): Result<string> {
  const clean = tidy(text);
  if (clean === '') return { ok: false, reason: `Type ${what} first.` };
  if ([...clean].length > max) return { ok: false, reason: `Keep ${what} to ${max} characters or fewer.` };
  if (looksLikeMarkup(clean)) return { ok: false, reason: `Please leave out the < and > tags: ${what} is kept as plain words.` };
  return { ok: true, value: clean };
}

/** Checks a value name as typed. */
export function checkLabel(text: string): Result<string> {
  return checkText(text, MAX_LABEL, 'a value name');
}

/** Checks a chain word as typed. */
export function checkWord(text: string): Result<string> {
  return checkText(text, MAX_WORD, 'a word or phrase');
}

/** The values, most important first. */
export function rankedValues(answers: Answers): Value[] {
  return [...answers.values].sort((a, b) => a.rank - b.rank);
}

/** Ranks 1..n with no gaps, keeping the current order. Ties keep list order. */
export function renumber(values: Value[]): Value[] {
  const order = [...values].sort((a, b) => a.rank - b.rank);
  const rankOf = new Map(order.map((value, index) => [value.id, index + 1]));
  return values.map((value) => (value.rank === rankOf.get(value.id) ? value : { ...value, rank: rankOf.get(value.id) ?? value.rank }));
}

/** Applies a change to one value; the same answers back when nothing changed. */
export function mapValue(answers: Answers, id: string, change: (value: Value) => Value): Answers {
  let changed = false;
  const values = answers.values.map((value) => {
    if (value.id !== id) return value;
    const next = change(value);
    if (next !== value) changed = true;
    return next;
  });
  return changed ? { ...answers, values } : answers;
}

/** Keeps today's snapshot in step when the set of values changes, without starting a new day. */
export function refreshToday(answers: Answers, now: number): Answers {
  const last = answers.history.at(-1);
  if (!last || last.date !== localDay(now)) return answers;
  const order = rankedValues(answers).map((value) => value.id);
  return { ...answers, history: [...answers.history.slice(0, -1), { date: last.date, order }] };
}

/** Records the ranking as today's snapshot: one snapshot a day, the latest order of that day. */
export function snapshotRanking(answers: Answers, now: number): Answers {
  const date = localDay(now);
  const order = rankedValues(answers).map((value) => value.id);
  const last = answers.history.at(-1);
  const kept = last?.date === date ? answers.history.slice(0, -1) : answers.history;
  const history: RankSnapshot[] = [...kept, { date, order }].slice(-366);
  return { ...answers, history };
}

export function setRating(answers: Answers, id: string, rating: number | null): Answers {
  if (rating !== null && (!Number.isInteger(rating) || rating < 1 || rating > 10)) return answers;
  return mapValue(answers, id, (value) => (value.rating === rating ? value : { ...value, rating }));
}

export function setNotes(answers: Answers, workbook: string, notes: string): Answers {
  return mapWorkbook(answers, workbook, (book) => (book.notes === notes ? book : { ...book, notes: notes.slice(0, 200_000) }));
}
