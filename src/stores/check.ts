import type { Answers } from '../schemas/answers.ts';
import { LIMITS, MAX_VALUES } from './limits.ts';

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
  const top = exactKeys(x, ['values', 'history', 'lens', 'poster', 'workbooks', 'updatedAt'], []);
  if (top) return top;
  const { values, history, lens, poster, workbooks, updatedAt } = x;
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
  const lensFault = lensShapeFault(lens);
  if (lensFault) return lensFault;
  const posterFault = posterShapeFault(poster);
  if (posterFault) return posterFault;
  const workbooksFault = workbooksShapeFault(workbooks);
  if (workbooksFault) return workbooksFault;
  if (!isInt(updatedAt, 0, Number.MAX_SAFE_INTEGER)) return { path: ['updatedAt'], expected: 'a time' };
  return null;
}

const isLong = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max;
const isIds = (x: unknown): boolean => Array.isArray(x) && x.length <= MAX_VALUES && x.every(isId);
const MARKS = ['honours', 'pulls', 'neither'];

function lensShapeFault(lens: unknown): ShapeFault {
  if (!Array.isArray(lens) || lens.length > LIMITS.lensEntries) return { path: ['lens'], expected: `a list of at most ${LIMITS.lensEntries} entries` };
  for (const [i, entry] of lens.entries()) {
    const at: Path = ['lens', i];
    if (!isRecord(entry)) return { path: at, expected: 'a lens entry' };
    const keys = exactKeys(entry, ['id', 'createdAt', 'text', 'marks', 'note'], at);
    if (keys) return keys;
    if (!isId(entry.id)) return { path: [...at, 'id'], expected: 'an id' };
    if (!isInt(entry.createdAt, 0, Number.MAX_SAFE_INTEGER)) return { path: [...at, 'createdAt'], expected: 'a time' };
    if (!isText(entry.text, LIMITS.lensText)) return { path: [...at, 'text'], expected: 'a choice' };
    if (!isRecord(entry.marks)) return { path: [...at, 'marks'], expected: 'marks by value' };
    for (const [valueId, mark] of Object.entries(entry.marks)) {
      if (!isId(valueId) || typeof mark !== 'string' || !MARKS.includes(mark))
        return { path: [...at, 'marks', valueId], expected: 'honours, pulls or neither' };
    }
    if (!isLong(entry.note, LIMITS.note)) return { path: [...at, 'note'], expected: 'a note' };
  }
  return null;
}

function posterShapeFault(poster: unknown): ShapeFault {
  const at: Path = ['poster'];
  if (!isRecord(poster)) return { path: at, expected: 'poster choices' };
  const keys = exactKeys(poster, ['style', 'size', 'topN', 'title', 'showName', 'name'], at);
  if (keys) return keys;
  if (!isId(poster.style)) return { path: [...at, 'style'], expected: 'a style' };
  if (!isId(poster.size)) return { path: [...at, 'size'], expected: 'a size' };
  if (!isInt(poster.topN, 1, MAX_VALUES)) return { path: [...at, 'topN'], expected: 'a number of values' };
  if (!isLong(poster.title, LIMITS.posterTitle)) return { path: [...at, 'title'], expected: 'a title' };
  if (typeof poster.showName !== 'boolean') return { path: [...at, 'showName'], expected: 'true or false' };
  if (poster.name !== null && !isLong(poster.name, LIMITS.posterTitle)) return { path: [...at, 'name'], expected: 'a name or null' };
  return null;
}

function workbooksShapeFault(workbooks: unknown): ShapeFault {
  if (!isRecord(workbooks) || Object.keys(workbooks).length > LIMITS.workbooks) return { path: ['workbooks'], expected: 'answers by workbook' };
  for (const [name, book] of Object.entries(workbooks)) {
    const at: Path = ['workbooks', name];
    if (!ID.test(name) || !isRecord(book)) return { path: at, expected: 'a workbook’s answers' };
    for (const key of Object.keys(book)) if (key !== 'notes' && key !== 'goals') return { path: [...at, key], expected: 'no such field' };
    if (!isLong(book.notes, LIMITS.notes)) return { path: [...at, 'notes'], expected: 'notes as text' };
    if (book.goals === undefined) continue;
    if (!Array.isArray(book.goals) || book.goals.length > LIMITS.goals) return { path: [...at, 'goals'], expected: `a list of at most ${LIMITS.goals} goals` };
    for (const [i, goal] of book.goals.entries()) {
      const goalAt: Path = [...at, 'goals', i];
      if (!isRecord(goal)) return { path: goalAt, expected: 'a goal' };
      const keys = exactKeys(goal, ['id', 'text', 'firstStep', 'honours', 'pullsAgainst', 'note'], goalAt);
      if (keys) return keys;
      if (!isId(goal.id)) return { path: [...goalAt, 'id'], expected: 'an id' };
      if (!isText(goal.text, LIMITS.goalText)) return { path: [...goalAt, 'text'], expected: 'a goal' };
      if (!isLong(goal.firstStep, LIMITS.goalText)) return { path: [...goalAt, 'firstStep'], expected: 'a first step' };
      if (!isIds(goal.honours)) return { path: [...goalAt, 'honours'], expected: 'a list of value ids' };
      if (!isIds(goal.pullsAgainst)) return { path: [...goalAt, 'pullsAgainst'], expected: 'a list of value ids' };
      if (!isLong(goal.note, LIMITS.note)) return { path: [...goalAt, 'note'], expected: 'a note' };
    }
  }
  return null;
}

/** The first id used twice (a value's, a word's within its chain, a lens entry's, a goal's within its workbook), or null. Repairs cannot fix this one. */
export function repeatedId(answers: Answers): string | null {
  const lensIds = new Set<string>();
  for (const entry of answers.lens) {
    if (lensIds.has(entry.id)) return entry.id;
    lensIds.add(entry.id);
  }
  for (const book of Object.values(answers.workbooks)) {
    const goalIds = new Set<string>();
    for (const goal of book.goals ?? []) {
      if (goalIds.has(goal.id)) return goal.id;
      goalIds.add(goal.id);
    }
  }
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
