import { computed } from 'nanostores';
import type { PosterChoices } from '../schemas/answers.ts';
import { $answers, commit } from './answers.ts';
import * as engagement from './model-engagement.ts';

/**
 * What the client chose for their values poster: style, size, how many values,
 * the title and whether their name is on it. Part of the answers, so the
 * choices are saved as they change, come back after a reload, and travel in
 * exports and share links; a refused save shows the same notice as any answer.
 */

export const $posterChoices = computed($answers, (answers): PosterChoices => answers.poster);

export function setPosterChoices(patch: Partial<PosterChoices>): void {
  commit((answers) => engagement.setPosterChoices(answers, patch));
}
