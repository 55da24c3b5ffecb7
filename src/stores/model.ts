import type { Answers, ChainWord, RankSnapshot, Value } from '../schemas/answers.ts';
import { MAX_VALUES } from './limits.ts';

/**
 * The pure rules of the client's answers: every change is a function from one
 * `Answers` to the next, so the store, the tests and an import all share them.
 * A function returns the very same object when it changes nothing, which lets
 * the store skip a save.
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
    notes: '',
    updatedAt: 0,
  };
}

/** A short random id of a-z and 0-9, with a prefix saying what it names. */
export function newId(prefix: 'v' | 'w'): string {
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
function renumber(values: Value[]): Value[] {
  const order = [...values].sort((a, b) => a.rank - b.rank);
  const rankOf = new Map(order.map((value, index) => [value.id, index + 1]));
  return values.map((value) => (value.rank === rankOf.get(value.id) ? value : { ...value, rank: rankOf.get(value.id) ?? value.rank }));
}

function mapValue(answers: Answers, id: string, change: (value: Value) => Value): Answers {
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
function refreshToday(answers: Answers, now: number): Answers {
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

export function renameValue(answers: Answers, id: string, label: string): Result<Answers> {
  const checked = checkLabel(label);
  if (!checked.ok) return checked;
  return { ok: true, value: mapValue(answers, id, (value) => (value.label === checked.value ? value : { ...value, label: checked.value })) };
}

export function addValue(answers: Answers, label: string, id: string, now: number): Result<Answers> {
  if (answers.values.length >= MAX_VALUES) return { ok: false, reason: `You can keep up to ${MAX_VALUES} values. Merge or remove one to make room.` };
  const checked = checkLabel(label);
  if (!checked.ok) return checked;
  const taken = answers.values.some((value) => value.label.toLocaleLowerCase() === checked.value.toLocaleLowerCase());
  if (taken) return { ok: false, reason: `${checked.value} is already on your list.` };
  const value: Value = { id, label: checked.value, chain: [{ id: NAME_WORD_ID, text: checked.value }], boldId: null, rank: answers.values.length + 1, rating: null, origin: 'client' };
  return { ok: true, value: refreshToday({ ...answers, values: [...answers.values, value] }, now) };
}

/** What a removal or a merge took away, so it can be put back. */
export interface Removed {
  kind: 'remove' | 'merge';
  /** The value that left the list, as it was. */
  value: Value;
  /** Its place in the list. */
  index: number;
  /** For a merge: the value that absorbed it, as it was before. */
  into?: Value;
  /** The ranking before, most important first. */
  order: string[];
}

export function removeValue(answers: Answers, id: string, now: number): { answers: Answers; removed: Removed | null } {
  const index = answers.values.findIndex((value) => value.id === id);
  const value = answers.values[index];
  if (!value) return { answers, removed: null };
  const values = renumber(answers.values.filter((other) => other.id !== id));
  return { answers: refreshToday({ ...answers, values }, now), removed: { kind: 'remove', value, index, order: rankedValues(answers).map((item) => item.id) } };
}

/**
 * Merges `otherId` into `keepId`: the kept value keeps its name, gains the other's
 * name and chain at the end of its own, and takes the better of the two ranks.
 */
export function mergeValues(answers: Answers, keepId: string, otherId: string, now: number): Result<{ answers: Answers; removed: Removed }> {
  const keep = answers.values.find((value) => value.id === keepId);
  const index = answers.values.findIndex((value) => value.id === otherId);
  const other = answers.values[index];
  if (!keep || !other || keep === other) return { ok: false, reason: 'Choose two different values to merge.' };
  const seen = new Set(keep.chain.map((word) => word.text.toLocaleLowerCase()));
  const joined: ChainWord[] = [...keep.chain];
  const incoming: ChainWord[] = [{ id: newId('w'), text: other.label }, ...other.chain];
  let boldFromOther: string | null = null;
  for (const word of incoming) {
    const key = word.text.toLocaleLowerCase();
    if (seen.has(key) || key === keep.label.toLocaleLowerCase()) continue;
    seen.add(key);
    joined.push(word);
    if (word.id === other.boldId) boldFromOther = word.id;
  }
  if (joined.length > MAX_WORDS) {
    return { ok: false, reason: `Together these chains have more than ${MAX_WORDS} words. Remove a few first, then merge.` };
  }
  const merged: Value = {
    ...keep,
    chain: joined,
    boldId: keep.boldId ?? boldFromOther,
    rank: Math.min(keep.rank, other.rank),
    rating: keep.rating ?? other.rating,
  };
  const values = renumber(answers.values.filter((value) => value.id !== otherId).map((value) => (value.id === keepId ? merged : value)));
  return { ok: true, value: { answers: refreshToday({ ...answers, values }, now), removed: { kind: 'merge', value: other, index, into: keep, order: rankedValues(answers).map((item) => item.id) } } };
}

/** Puts back a removed or merged-away value at its old place, and the ranking as it was, keeping values added since. */
export function restoreRemoved(answers: Answers, removed: Removed, now: number): Answers {
  if (answers.values.some((value) => value.id === removed.value.id)) return answers;
  if (answers.values.length >= MAX_VALUES) return answers;
  const before = removed.into;
  const values = before ? answers.values.map((value) => (value.id === before.id ? { ...value, chain: before.chain, boldId: before.boldId, rating: before.rating } : value)) : answers.values;
  const index = Math.min(removed.index, values.length);
  const list = [...values.slice(0, index), removed.value, ...values.slice(index)];
  const present = new Set(list.map((value) => value.id));
  const order = removed.order.filter((id) => present.has(id));
  for (const value of rankedValues({ ...answers, values })) if (!order.includes(value.id)) order.push(value.id);
  const rankOf = new Map(order.map((id, position) => [id, position + 1]));
  const restored = list.map((value) => ({ ...value, rank: rankOf.get(value.id) ?? value.rank }));
  return refreshToday({ ...answers, values: restored }, now);
}

/** Moves a value to a 0-based position in the ranking, and records today's order. */
export function moveToPosition(answers: Answers, id: string, position: number, now: number): Answers {
  const order = rankedValues(answers);
  const from = order.findIndex((value) => value.id === id);
  if (from < 0) return answers;
  const to = Math.max(0, Math.min(order.length - 1, position));
  if (to === from) return answers;
  const [moving] = order.splice(from, 1);
  if (moving) order.splice(to, 0, moving);
  const rankOf = new Map(order.map((value, index) => [value.id, index + 1]));
  const values = answers.values.map((value) => (value.rank === rankOf.get(value.id) ? value : { ...value, rank: rankOf.get(value.id) ?? value.rank }));
  return snapshotRanking({ ...answers, values }, now);
}

/** Records the current order as today's ranking without moving anything ("this order is right"). */
export function confirmRanking(answers: Answers, now: number): Answers {
  return snapshotRanking(answers, now);
}

export function setRating(answers: Answers, id: string, rating: number | null): Answers {
  if (rating !== null && (!Number.isInteger(rating) || rating < 1 || rating > 10)) return answers;
  return mapValue(answers, id, (value) => (value.rating === rating ? value : { ...value, rating }));
}

export function setNotes(answers: Answers, notes: string): Answers {
  return answers.notes === notes ? answers : { ...answers, notes: notes.slice(0, 200_000) };
}

export function addWord(answers: Answers, valueId: string, text: string, wordId: string): Result<Answers> {
  const value = answers.values.find((item) => item.id === valueId);
  if (!value) return { ok: false, reason: 'That value is no longer on your list.' };
  if (value.chain.length >= MAX_WORDS) return { ok: false, reason: `A chain holds up to ${MAX_WORDS} words.` };
  const checked = checkWord(text);
  if (!checked.ok) return checked;
  return { ok: true, value: mapValue(answers, valueId, (item) => ({ ...item, chain: [...item.chain, { id: wordId, text: checked.value }] })) };
}

export function editWord(answers: Answers, valueId: string, wordId: string, text: string): Result<Answers> {
  const checked = checkWord(text);
  if (!checked.ok) return checked;
  return {
    ok: true,
    value: mapValue(answers, valueId, (value) => {
      if (!value.chain.some((word) => word.id === wordId && word.text !== checked.value)) return value;
      return { ...value, chain: value.chain.map((word) => (word.id === wordId ? { ...word, text: checked.value } : word)) };
    }),
  };
}

export function removeWord(answers: Answers, valueId: string, wordId: string): Answers {
  return mapValue(answers, valueId, (value) => {
    if (!value.chain.some((word) => word.id === wordId)) return value;
    return { ...value, chain: value.chain.filter((word) => word.id !== wordId), boldId: value.boldId === wordId ? null : value.boldId };
  });
}

/** Moves a word one place earlier (-1) or later (+1) in its chain. */
export function moveWord(answers: Answers, valueId: string, wordId: string, delta: -1 | 1): Answers {
  return mapValue(answers, valueId, (value) => {
    const from = value.chain.findIndex((word) => word.id === wordId);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= value.chain.length) return value;
    const chain = [...value.chain];
    const [word] = chain.splice(from, 1);
    if (word) chain.splice(to, 0, word);
    return { ...value, chain };
  });
}

/** Marks the word that best represents the chain; marking it again clears the mark. */
export function toggleBold(answers: Answers, valueId: string, wordId: string): Answers {
  return mapValue(answers, valueId, (value) => {
    if (!value.chain.some((word) => word.id === wordId)) return value;
    return { ...value, boldId: value.boldId === wordId ? null : wordId };
  });
}

/** How a value's place changed since the first day it was ranked. */
export type Movement = { kind: 'new' } | { kind: 'same' } | { kind: 'up' | 'down'; places: number };

/**
 * Compares today's order with the first day's, among the values present on both,
 * so removing or adding a value does not count as everything moving.
 */
export function movementSinceFirstDay(answers: Answers): Map<string, Movement> {
  const result = new Map<string, Movement>();
  const first = answers.history[0];
  const now = rankedValues(answers).map((value) => value.id);
  if (!first) return result;
  const common = new Set(first.order.filter((id) => now.includes(id)));
  const before = first.order.filter((id) => common.has(id));
  const after = now.filter((id) => common.has(id));
  for (const id of now) {
    if (!common.has(id)) {
      result.set(id, { kind: 'new' });
      continue;
    }
    const places = before.indexOf(id) - after.indexOf(id);
    result.set(id, places === 0 ? { kind: 'same' } : { kind: places > 0 ? 'up' : 'down', places: Math.abs(places) });
  }
  return result;
}

/** How far a value's living score falls short of its importance, both on a 1 to 10 scale. */
export interface Gap {
  id: string;
  label: string;
  rank: number;
  rating: number | null;
  /** Importance from the rank: 10 for the top value down to 1 for the last. */
  importance: number;
  /** importance minus rating; null when not yet rated. */
  gap: number | null;
  /** One of the biggest gaps worth a conversation. */
  highlight: boolean;
}

/** The values in rank order with their gaps; the (at most three) biggest gaps of 3 or more are highlighted. */
export function livingGaps(answers: Answers): Gap[] {
  const ranked = rankedValues(answers);
  const count = ranked.length;
  const rows = ranked.map((value, index) => {
    const importance = count <= 1 ? 10 : Math.round((1 + (9 * (count - 1 - index)) / (count - 1)) * 10) / 10;
    return { id: value.id, label: value.label, rank: index + 1, rating: value.rating, importance, gap: value.rating === null ? null : Math.round((importance - value.rating) * 10) / 10, highlight: false };
  });
  const biggest = rows
    .filter((row) => row.gap !== null && row.gap >= 3)
    .sort((a, b) => (b.gap ?? 0) - (a.gap ?? 0) || a.rank - b.rank)
    .slice(0, 3)
    .map((row) => row.id);
  return rows.map((row) => (biggest.includes(row.id) ? { ...row, highlight: true } : row));
}
