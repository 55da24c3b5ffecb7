import { computed } from 'nanostores';
import type { Answers, PosterChoices } from '../schemas/answers.ts';
import { $answers, commit } from './answers.ts';
import { LIMITS, MAX_VALUES } from './limits.ts';

/**
 * What the client chose for their values poster: style, size, how many values,
 * the title and whether their name is on it. Part of the answers, so the
 * choices are saved as they change, come back after a reload, and travel in
 * exports and share links; a refused save shows the same notice as any answer.
 */

export const $posterChoices = computed($answers, (answers): PosterChoices => answers.poster);

export function setPosterChoices(patch: Partial<PosterChoices>): void {
  commit((answers) => withChoices(answers, patch));
}

/** Takes the poster choices that are well formed; anything else in the patch is left as it was. */
function withChoices(answers: Answers, patch: Partial<PosterChoices>): Answers {
  const next: PosterChoices = { ...answers.poster };
  if (typeof patch.style === 'string' && /^[a-z0-9-]{1,40}$/.test(patch.style)) next.style = patch.style;
  if (typeof patch.size === 'string' && /^[a-z0-9-]{1,40}$/.test(patch.size)) next.size = patch.size;
  if (typeof patch.topN === 'number' && Number.isInteger(patch.topN) && patch.topN >= 1 && patch.topN <= MAX_VALUES) next.topN = patch.topN;
  if (typeof patch.title === 'string') next.title = [...patch.title].slice(0, LIMITS.posterTitle).join('');
  if (typeof patch.showName === 'boolean') next.showName = patch.showName;
  if (patch.name === null || typeof patch.name === 'string') next.name = patch.name === null ? null : [...patch.name].slice(0, LIMITS.posterTitle).join('');
  const same = (Object.keys(next) as (keyof PosterChoices)[]).every((key) => next[key] === answers.poster[key]);
  return same ? answers : { ...answers, poster: next };
}
