import type { Answers } from '../schemas/answers.ts';
import { MAX_VALUES } from './limits.ts';

/**
 * A browser-side check of stored answers against the shape of `answersSchema`.
 *
 * Why not zod here: zod costs about 90 KB gzip in the browser, more than a whole
 * homework page may ship. Every page load checks what is stored, so that check
 * is written out by hand; imports, which are rare, load zod on demand (and the
 * fuller rules in answers-rules.ts). A unit test runs both over the same valid
 * and broken fixtures to keep them in agreement.
 */

const ID = /^[a-z0-9-]{1,40}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Path = (string | number)[];
/** Where the shape first goes wrong, or null when it matches the schema. */
export type ShapeFault = { path: Path; expected: string } | null;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isInt = (x: unknown, min: number, max: number): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= min && x <= max;
const isId = (x: unknown): x is string => typeof x === 'string' && ID.test(x);
const isText = (x: unknown, max: number): x is string => typeof x === 'string' && x.trim().length >= 1 && x.trim().length <= max;

function exactKeys(x: Record<string, unknown>, keys: readonly string[], path: Path): ShapeFault {
  for (const key of Object.keys(x)) if (!keys.includes(key)) return { path: [...path, key], expected: 'no such field' };
  for (const key of keys) if (!(key in x)) return { path: [...path, key], expected: 'this field' };
  return null;
}

/** Checks the shape and field rules of `answersSchema`, without zod. */
export function answersShapeFault(x: unknown): ShapeFault {
  if (!isRecord(x)) return { path: [], expected: 'an object of answers' };
  const top = exactKeys(x, ['values', 'history', 'notes', 'updatedAt'], []);
  if (top) return top;
  const { values, history, notes, updatedAt } = x;
  if (!Array.isArray(values) || values.length > MAX_VALUES) return { path: ['values'], expected: `a list of at most ${MAX_VALUES} values` };
  for (const [i, value] of values.entries()) {
    const at: Path = ['values', i];
    if (!isRecord(value)) return { path: at, expected: 'a value' };
    const keys = exactKeys(value, ['id', 'label', 'chain', 'boldId', 'rank', 'rating', 'origin'], at);
    if (keys) return keys;
    if (!isId(value.id)) return { path: [...at, 'id'], expected: 'an id' };
    if (!isText(value.label, 60)) return { path: [...at, 'label'], expected: 'a value name' };
    if (!Array.isArray(value.chain) || value.chain.length > 40) return { path: [...at, 'chain'], expected: 'a list of at most 40 words' };
    for (const [j, word] of value.chain.entries()) {
      const wordAt: Path = [...at, 'chain', j];
      if (!isRecord(word)) return { path: wordAt, expected: 'a word' };
      const wordKeys = exactKeys(word, ['id', 'text'], wordAt);
      if (wordKeys) return wordKeys;
      if (!isId(word.id)) return { path: [...wordAt, 'id'], expected: 'an id' };
      if (!isText(word.text, 80)) return { path: [...wordAt, 'text'], expected: 'a word' };
    }
    if (value.boldId !== null && !isId(value.boldId)) return { path: [...at, 'boldId'], expected: 'an id or null' };
    if (!isInt(value.rank, 1, MAX_VALUES)) return { path: [...at, 'rank'], expected: 'a rank' };
    if (value.rating !== null && !isInt(value.rating, 1, 10)) return { path: [...at, 'rating'], expected: 'a rating from 1 to 10' };
    if (value.origin !== 'coach' && value.origin !== 'client') return { path: [...at, 'origin'], expected: 'coach or client' };
  }
  if (!Array.isArray(history) || history.length > 366) return { path: ['history'], expected: 'a list of snapshots' };
  for (const [i, snapshot] of history.entries()) {
    const at: Path = ['history', i];
    if (!isRecord(snapshot)) return { path: at, expected: 'a snapshot' };
    const keys = exactKeys(snapshot, ['date', 'order'], at);
    if (keys) return keys;
    if (typeof snapshot.date !== 'string' || !DAY.test(snapshot.date)) return { path: [...at, 'date'], expected: 'a day as YYYY-MM-DD' };
    if (!Array.isArray(snapshot.order) || snapshot.order.length > MAX_VALUES || !snapshot.order.every(isId))
      return { path: [...at, 'order'], expected: 'a list of ids' };
  }
  if (typeof notes !== 'string' || notes.length > 200_000) return { path: ['notes'], expected: 'notes as text' };
  if (!isInt(updatedAt, 0, Number.MAX_SAFE_INTEGER)) return { path: ['updatedAt'], expected: 'a time' };
  return null;
}

/** The first id used twice (a value's, or a word's within its chain), or null. Repairs cannot fix this one. */
export function repeatedId(answers: Answers): string | null {
  const ids = new Set<string>();
  for (const value of answers.values) {
    if (ids.has(value.id)) return value.id;
    ids.add(value.id);
    const words = new Set<string>();
    for (const word of value.chain) {
      if (words.has(word.id)) return word.id;
      words.add(word.id);
    }
  }
  return null;
}

/** Fixes what can be fixed without losing anything: gaps in ranks, and a bold mark on a word that is gone. */
export function repairAnswers(answers: Answers): Answers {
  const order = answers.values.map((value, index) => ({ value, index })).sort((a, b) => a.value.rank - b.value.rank || a.index - b.index);
  const rankOf = new Map(order.map(({ value }, index) => [value, index + 1]));
  const values = answers.values.map((value) => {
    const rank = rankOf.get(value) ?? value.rank;
    const boldId = value.boldId !== null && value.chain.some((word) => word.id === value.boldId) ? value.boldId : null;
    return rank === value.rank && boldId === value.boldId ? value : { ...value, rank, boldId };
  });
  return values.every((value, index) => value === answers.values[index]) ? answers : { ...answers, values };
}
