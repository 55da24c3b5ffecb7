import { computed } from 'nanostores';
import type { LensEntry } from '../schemas/answers.ts';
import { $answers, attempt, commit } from './answers.ts';
import * as engagement from './model-engagement.ts';
import { newId, type Result } from './model.ts';

/**
 * The values lens: choices, decisions and goals held up against the client's
 * values, kept across the engagement, newest first. The actions go through the
 * answers store, so they are saved, synced between tabs, exported and shared
 * like every other answer.
 */

export type { LensDraft } from './model-engagement.ts';

/** The lens entries, newest first. */
export const $lensEntries = computed($answers, (answers): LensEntry[] => answers.lens);

/** Adds an entry dated now; its id, or why it was refused. */
export function addLensEntry(draft: engagement.LensDraft): Result<string> {
  const id = newId('l');
  return attempt((answers, now) => engagement.addLensEntry(answers, id, now, draft), id);
}

export function updateLensEntry(id: string, patch: Partial<engagement.LensDraft>): Result<string> {
  return attempt((answers) => engagement.updateLensEntry(answers, id, patch), id);
}

export function removeLensEntry(id: string): void {
  commit((answers) => engagement.removeLensEntry(answers, id));
}
