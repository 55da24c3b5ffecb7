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

/**
 * The schema is written below as data, from a few small checks, so the rules stay in one
 * readable place and the check stays small: every client page loads it. A check looks at
 * one part of the answers and gives the first fault in it: where, and what the rule wants.
 */
type Check = (x: unknown, path: Path) => ShapeFault;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** One field that `ok` accepts. A missing field is undefined, which only `optional` accepts. */
const is =
  (ok: (x: unknown) => boolean, expected: string): Check =>
  (x, path) =>
    ok(x) ? null : { path, expected };
const optional =
  (check: Check): Check =>
  (x, path) =>
    x === undefined ? null : check(x, path);
const nullable =
  (check: Check): Check =>
  (x, path) =>
    x === null ? null : check(x, path);

/** A list of at most `max` items, each passing `item`. */
const list =
  (item: Check, max: number): Check =>
  (x, path) => {
    if (!Array.isArray(x) || x.length > max) return { path, expected: `a list of at most ${max}` };
    for (const [i, each] of x.entries()) {
      const fault = item(each, [...path, i]);
      if (fault) return fault;
    }
    return null;
  };

/** An object with these fields and no others. */
const object =
  (fields: Record<string, Check>): Check =>
  (x, path) => {
    if (!isRecord(x)) return { path, expected: 'an object' };
    for (const key of Object.keys(x)) if (!Object.hasOwn(fields, key)) return { path: [...path, key], expected: 'no such field' };
    for (const [key, check] of Object.entries(fields)) {
      const fault = check(Object.hasOwn(x, key) ? x[key] : undefined, [...path, key]);
      if (fault) return fault;
    }
    return null;
  };

const isId = (x: unknown): boolean => typeof x === 'string' && ID.test(x);
const id = is(isId, 'an id of a-z, 0-9 and -');

/** An object of at most `max` entries, each named by an id and passing `item`. */
const byId =
  (item: Check, max = Infinity): Check =>
  (x, path) => {
    if (!isRecord(x) || Object.keys(x).length > max) return { path, expected: `an object of at most ${max} entries` };
    for (const [key, each] of Object.entries(x)) {
      const fault = id(key, [...path, key]) ?? item(each, [...path, key]);
      if (fault) return fault;
    }
    return null;
  };

const int = (min: number, max: number) =>
  is((x) => typeof x === 'number' && Number.isSafeInteger(x) && x >= min && x <= max, `a whole number from ${min} to ${max}`);
/** Text of 1 to `max` characters once trimmed. */
const line = (max: number) => is((x) => typeof x === 'string' && x.trim().length >= 1 && x.trim().length <= max, `text of 1 to ${max} characters`);
/** Text of at most `max` characters, which may be empty. */
const text = (max: number) => is((x) => typeof x === 'string' && x.length <= max, `text of at most ${max} characters`);
const time = int(0, Number.MAX_SAFE_INTEGER);
const ids = list(id, MAX_VALUES);
const MARKS: unknown[] = ['honours', 'pulls', 'neither'];

const answersCheck = object({
  values: list(
    object({
      id,
      label: line(LIMITS.label),
      chain: list(object({ id, text: line(LIMITS.word) }), LIMITS.words),
      boldId: nullable(id),
      rank: int(1, MAX_VALUES),
      rating: nullable(int(1, 10)),
      origin: is((x) => x === 'coach' || x === 'client', 'coach or client'),
    }),
    MAX_VALUES,
  ),
  history: list(object({ date: is((x) => typeof x === 'string' && DAY.test(x), 'a day as YYYY-MM-DD'), order: ids }), 366),
  lens: list(
    object({
      id,
      createdAt: time,
      text: line(LIMITS.lensText),
      marks: byId(is((x) => MARKS.includes(x), 'honours, pulls or neither')),
      note: text(LIMITS.note),
    }),
    LIMITS.lensEntries,
  ),
  poster: object({
    style: id,
    size: id,
    topN: int(1, MAX_VALUES),
    title: text(LIMITS.posterTitle),
    showName: is((x) => typeof x === 'boolean', 'true or false'),
    name: nullable(text(LIMITS.posterTitle)),
  }),
  workbooks: byId(
    object({
      notes: text(LIMITS.notes),
      goals: optional(
        list(
          object({ id, text: line(LIMITS.goalText), firstStep: text(LIMITS.goalText), honours: ids, pullsAgainst: ids, note: text(LIMITS.note) }),
          LIMITS.goals,
        ),
      ),
    }),
    LIMITS.workbooks,
  ),
  updatedAt: time,
});

/** Checks the shape and field rules of `answersSchema`, without zod. */
export function answersShapeFault(x: unknown): ShapeFault {
  return answersCheck(x, []);
}

/** The first id used twice in a list, or null. */
function repeatIn(items: readonly { id: string }[]): string | null {
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return null;
}

/** The first id used twice (a value's, a word's within its chain, a lens entry's, a goal's within its workbook), or null. Repairs cannot fix this one. */
export function repeatedId(answers: Answers): string | null {
  const lists = [
    answers.lens,
    ...Object.values(answers.workbooks).map((book) => book.goals ?? []),
    answers.values,
    ...answers.values.map((value) => value.chain),
  ];
  for (const items of lists) {
    const repeat = repeatIn(items);
    if (repeat !== null) return repeat;
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
