import type { Answers } from '../schemas/answers.ts';
import { MAX_VALUES } from './limits.ts';
import type { Problem } from '../schemas/problems.ts';
import { describeValue, formatPath } from '../schemas/problems.ts';
import { looksLikeMarkup } from './model.ts';

/**
 * A browser-side check of stored answers against the shape of `answersSchema`.
 *
 * Why not zod here: zod costs about 90 KB gzip in the browser, more than a whole
 * homework page may ship. Every page load checks what is stored, so that check
 * is written out by hand; imports, which are rare, load zod on demand. A unit
 * test runs both over the same valid and broken fixtures to keep them in agreement.
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
    if (!Array.isArray(snapshot.order) || snapshot.order.length > MAX_VALUES || !snapshot.order.every(isId)) return { path: [...at, 'order'], expected: 'a list of ids' };
  }
  if (typeof notes !== 'string' || notes.length > 200_000) return { path: ['notes'], expected: 'notes as text' };
  if (!isInt(updatedAt, 0, Number.MAX_SAFE_INTEGER)) return { path: ['updatedAt'], expected: 'a time' };
  return null;
}

/** How strict `answersProblems` is about markup. */
export interface MarkupRule {
  /** Refuse text that looks like HTML (imports), or let it be (stored data, which React only ever shows as text). */
  refuse: boolean;
  /** Texts allowed as they are, whatever they look like: the coach's own theme names. */
  allowed?: ReadonlySet<string>;
}

/**
 * Rules the schema cannot say on its own: ids are unique, ranks run 1..n, the bold
 * word is in its chain, and (for imports) no text carries markup beyond the coach's
 * own theme names. Used for imports and stored data.
 */
export function answersProblems(answers: Answers, file: string, markup: MarkupRule = { refuse: true }): Problem[] {
  const problems: Problem[] = [];
  const add = (path: Path, expected: string, found: unknown, described = describeValue(found)) =>
    problems.push({ level: 'error', file, field: formatPath(['data', ...path]), expected, found: described });
  const hostile = (text: string) => markup.refuse && !markup.allowed?.has(text) && looksLikeMarkup(text);
  const ids = new Set<string>();
  for (const [i, value] of answers.values.entries()) {
    if (ids.has(value.id)) add(['values', i, 'id'], 'an id used once', value.id);
    ids.add(value.id);
    if (hostile(value.label)) add(['values', i, 'label'], 'plain text without HTML tags', value.label);
    const wordIds = new Set<string>();
    for (const [j, word] of value.chain.entries()) {
      if (wordIds.has(word.id)) add(['values', i, 'chain', j, 'id'], 'an id used once in the chain', word.id);
      wordIds.add(word.id);
      if (hostile(word.text)) add(['values', i, 'chain', j, 'text'], 'plain text without HTML tags', word.text);
    }
    if (value.boldId !== null && !wordIds.has(value.boldId)) add(['values', i, 'boldId'], 'the id of a word in this chain', value.boldId);
  }
  const ranks = answers.values.map((value) => value.rank).sort((a, b) => a - b);
  if (ranks.some((rank, index) => rank !== index + 1)) add(['values'], `ranks 1 to ${answers.values.length}, each once`, ranks, `ranks ${ranks.join(', ')}`);
  return problems;
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
