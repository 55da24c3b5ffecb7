import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/schemas/answers.ts';
import * as core from '../../src/stores/model.ts';
import * as ranking from '../../src/stores/model-ranking.ts';
import * as values from '../../src/stores/model-values.ts';
import * as engagement from '../../src/stores/model-engagement.ts';

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

describe('goals homework progress on the client home', () => {
  const goalItems = [
    { page: 'your-goals', optional: false },
    { page: 'against-the-grain', optional: false },
  ];
  const add = (answers: Answers, id: string, draft: Partial<engagement.GoalDraft>) =>
    ok(engagement.addGoal(answers, 'goals', id, { text: 'Run a half marathon', firstStep: '', honours: [], pullsAgainst: [], note: '', ...draft }));

  it('has nothing started before a goal is written', () => {
    const progress = summarizeProgress(goalItems, seed);
    expect(progress.states).toEqual({ 'your-goals': 'not-started', 'against-the-grain': 'not-started' });
    expect(progress.labels['your-goals']).toBe('Not started');
  });

  it('is done with the goals once each has a first step and a value it honours', () => {
    let answers = add(seed, 'g-1', { firstStep: 'Buy shoes' });
    expect(summarizeProgress(goalItems, answers).states['your-goals']).toBe('in-progress');
    answers = ok(engagement.updateGoal(answers, 'goals', 'g-1', { honours: ['family'] }));
    const progress = summarizeProgress(goalItems, answers);
    expect(progress.states['your-goals']).toBe('done');
    expect(progress.labels['your-goals']).toBe('One goal written');
  });

  it('is done with the check once every goal that pulls against a value has a note', () => {
    let answers = add(seed, 'g-1', { firstStep: 'Buy shoes', honours: ['creativity'], pullsAgainst: ['family'] });
    expect(summarizeProgress(goalItems, answers).states['against-the-grain']).toBe('in-progress');
    answers = ok(engagement.updateGoal(answers, 'goals', 'g-1', { note: 'Run at lunchtime, not on Saturdays.' }));
    expect(summarizeProgress(goalItems, answers).states['against-the-grain']).toBe('done');
  });
});

describe('top values', () => {
  it('are the first five by rank, under their current names', () => {
    const many = model.seedAnswers(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, name: id.toUpperCase() })));
    const renamed = ok(model.renameValue(model.moveToPosition(many, 'f', 0, DAY), 'f', 'Freedom'));
    expect(engagement.topValues(renamed).map((value) => value.label)).toEqual(['Freedom', 'A', 'B', 'C', 'D']);
  });
});
