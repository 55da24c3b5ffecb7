import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/schemas/answers.ts';
import * as core from '../../src/stores/model.ts';
import * as ranking from '../../src/stores/model-ranking.ts';
import * as values from '../../src/stores/model-values.ts';

const model = { ...core, ...values, ...ranking };
import { summarizeProgress } from '../../src/stores/progress.ts';

const items = [
  { page: 'value-chains', optional: false },
  { page: 'rank', optional: false },
  { page: 'living', optional: false },
  { page: 'poster', optional: true },
];
const seed = model.seedAnswers([
  { id: 'creativity', name: 'Creativity' },
  { id: 'family', name: 'Family' },
]);
const DAY = new Date(2026, 11, 4).getTime();
const ok = (result: core.Result<Answers>) => {
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

describe('homework progress on the client home', () => {
  it('starts with nothing done, and counts the optional poster apart', () => {
    const progress = summarizeProgress(items, seed);
    expect(progress.states).toEqual({ 'value-chains': 'not-started', rank: 'not-started', living: 'not-started', poster: null });
    expect(progress.text).toBe('0 of 3 done, plus one optional extra');
  });

  it('follows each item from not started to in progress to done', () => {
    let answers = ok(model.addWord(seed, 'creativity', 'sketching', 'w-1'));
    answers = model.setRating(answers, 'family', 6);
    expect(summarizeProgress(items, answers).states).toMatchObject({ 'value-chains': 'in-progress', rank: 'not-started', living: 'in-progress' });

    answers = model.toggleBold(answers, 'creativity', 'w-1');
    answers = model.toggleBold(answers, 'family', 'w-name');
    answers = model.moveToPosition(answers, 'family', 0, DAY);
    const progress = summarizeProgress(items, answers);
    expect(progress.states).toMatchObject({ 'value-chains': 'done', rank: 'done', living: 'in-progress' });
    expect(progress.text).toBe('2 of 3 done, plus one optional extra');

    answers = model.setRating(answers, 'creativity', 9);
    expect(summarizeProgress(items, answers).text).toBe('3 of 3 done, plus one optional extra');
  });

  it('counts the days the client has ranked on, instead of calling the stack rank done after one day', () => {
    expect(summarizeProgress(items, seed).labels).toEqual({ 'value-chains': 'Not started', rank: 'Not started', living: 'Not started', poster: null });
    let answers = model.moveToPosition(seed, 'family', 0, DAY);
    expect(summarizeProgress(items, answers).labels.rank).toBe('Ranked on one day');
    answers = model.moveToPosition(answers, 'creativity', 0, DAY + 86_400_000);
    answers = model.confirmRanking(answers, DAY + 2 * 86_400_000);
    expect(summarizeProgress(items, answers).labels.rank).toBe('Ranked on 3 days');
  });
});
