import { $lastRemoved, attempt, commit } from './answers.ts';
import * as model from './model.ts';
import * as rules from './model-values.ts';

/** HW1's actions: shape the list of values and the chain of each. `$lastRemoved` (in answers.ts) holds what undo puts back. */

export function renameValue(id: string, label: string): model.Result<null> {
  return attempt((answers) => rules.renameValue(answers, id, label), null);
}

/** Adds the client's own value at the bottom of the ranking; returns its id. */
export function addValue(label: string): model.Result<string> {
  const id = model.newId('v');
  return attempt((answers, now) => rules.addValue(answers, label, id, now), id);
}

export function removeValue(id: string): void {
  commit((answers, now) => {
    const { answers: next, removed } = rules.removeValue(answers, id, now);
    if (removed) $lastRemoved.set(removed);
    return next;
  });
}

/** Merges `otherId` into `keepId`; the chains are joined and the better rank kept. */
export function mergeValues(keepId: string, otherId: string): model.Result<null> {
  return attempt((answers, now) => {
    const result = rules.mergeValues(answers, keepId, otherId, now);
    if (!result.ok) return result;
    $lastRemoved.set(result.value.removed);
    return { ok: true, value: result.value.answers };
  }, null);
}

/** Puts back the last removed (or merged-away) value. */
export function undoRemove(): void {
  const removed = $lastRemoved.get();
  if (!removed) return;
  $lastRemoved.set(null);
  commit((answers, now) => rules.restoreRemoved(answers, removed, now));
}

export function dismissUndo(): void {
  $lastRemoved.set(null);
}

export function addWord(valueId: string, text: string): model.Result<string> {
  const id = model.newId('w');
  return attempt((answers) => rules.addWord(answers, valueId, text, id), id);
}

export function editWord(valueId: string, wordId: string, text: string): model.Result<null> {
  return attempt((answers) => rules.editWord(answers, valueId, wordId, text), null);
}

export function removeWord(valueId: string, wordId: string): void {
  commit((answers) => rules.removeWord(answers, valueId, wordId));
}

export function moveWord(valueId: string, wordId: string, delta: -1 | 1): void {
  commit((answers) => rules.moveWord(answers, valueId, wordId, delta));
}

export function toggleBold(valueId: string, wordId: string): void {
  commit((answers) => rules.toggleBold(answers, valueId, wordId));
}
