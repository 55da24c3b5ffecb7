import type { Answers } from '../schemas/answers.ts';
import { rankedValues, snapshotRanking } from './model.ts';

/** HW2's rules: moving values in the ranking, and how the order moved over the week. */

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
