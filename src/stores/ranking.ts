import { commit } from './answers.ts';
import { rankedValues } from './model.ts';
import { confirmRanking as confirmOrder, moveToPosition } from './model-ranking.ts';

/** HW2's actions: reorder the values; each change keeps today's snapshot of the order. */

/** Moves a value to a position in the ranking, 0 being the top. */
export function moveValue(id: string, position: number): void {
  commit((answers, now) => moveToPosition(answers, id, position, now));
}

/** Moves a value up (-1) or down (+1) one place. */
export function moveValueBy(id: string, delta: -1 | 1): void {
  commit((answers, now) => {
    const position = rankedValues(answers).findIndex((value) => value.id === id);
    return position < 0 ? answers : moveToPosition(answers, id, position + delta, now);
  });
}

/** Records today's order as it stands, for a day when nothing needed to move. */
export function confirmRanking(): void {
  commit((answers, now) => confirmOrder(answers, now));
}
