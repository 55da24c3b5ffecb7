import { computed, type ReadableAtom } from 'nanostores';
import type { Goal } from '../schemas/answers.ts';
import { $answers, attempt, commit } from './answers.ts';
import * as engagement from './model-engagement.ts';
import { newId, type Result } from './model.ts';

/**
 * The goals of a workbook (session two's `goals`, or any later one), each tied
 * to the values it honours and those it pulls against. Kept in that workbook's
 * own answers, through the answers store.
 */

export type { GoalDraft } from './model-engagement.ts';

const stores = new Map<string, ReadableAtom<Goal[]>>();

/** One workbook's goals, in the order they were written. */
export function goalsStore(workbook: string): ReadableAtom<Goal[]> {
  let store = stores.get(workbook);
  if (!store) {
    store = computed($answers, (answers) => engagement.goalsOf(answers, workbook));
    stores.set(workbook, store);
  }
  return store;
}

/** Adds a goal; its id, or why it was refused. */
export function addGoal(workbook: string, draft: engagement.GoalDraft): Result<string> {
  const id = newId('g');
  return attempt((answers) => engagement.addGoal(answers, workbook, id, draft), id);
}

export function updateGoal(workbook: string, id: string, patch: Partial<engagement.GoalDraft>): Result<string> {
  return attempt((answers) => engagement.updateGoal(answers, workbook, id, patch), id);
}

export function removeGoal(workbook: string, id: string): void {
  commit((answers) => engagement.removeGoal(answers, workbook, id));
}
