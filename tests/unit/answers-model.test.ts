import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/schemas/answers.ts';
import * as core from '../../src/stores/model.ts';
import { livingGaps } from '../../src/lib/gap.ts';
import * as ranking from '../../src/stores/model-ranking.ts';
import * as values from '../../src/stores/model-values.ts';

const model = { ...core, ...values, ...ranking };

const themes = [
  { id: 'creativity', name: 'Creativity' },
  { id: 'family', name: 'Family' },
  { id: 'growth', name: 'Personal growth' },
];
const DAY1 = new Date(2026, 11, 3, 9).getTime();
const DAY1_LATER = new Date(2026, 11, 3, 21).getTime();
const DAY3 = new Date(2026, 11, 5, 12).getTime();

function ok<T>(result: core.Result<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.value;
}
const labels = (answers: Answers) => model.rankedValues(answers).map((value) => value.label);

describe('seeding', () => {
  it('starts from the coach themes in order, each chain starting with its name, nothing rated', () => {
    const seed = model.seedAnswers(themes);
    expect(labels(seed)).toEqual(['Creativity', 'Family', 'Personal growth']);
    expect(seed.values[0]).toEqual({
      id: 'creativity',
      label: 'Creativity',
      chain: [{ id: 'w-name', text: 'Creativity' }],
      boldId: null,
      rank: 1,
      rating: null,
      origin: 'coach',
    });
    expect(seed.history).toEqual([]);
    expect(seed.updatedAt).toBe(0);
  });
});

describe('editing the list of values', () => {
  it('renames a value, keeping its id and chain', () => {
    const seed = model.seedAnswers(themes);
    const renamed = ok(model.renameValue(seed, 'creativity', '  Making   things '));
    expect(renamed.values[0]).toMatchObject({ id: 'creativity', label: 'Making things', chain: [{ text: 'Creativity' }] });
    expect(model.renameValue(seed, 'creativity', 'Creativity')).toEqual({ ok: true, value: seed });
  });

  it('refuses an empty name, a name over 60 characters and markup', () => {
    const seed = model.seedAnswers(themes);
    expect(model.renameValue(seed, 'creativity', '   ')).toEqual({ ok: false, reason: 'Type a value name first.' });
    expect(model.renameValue(seed, 'creativity', 'x'.repeat(61)).ok).toBe(false);
    expect(model.renameValue(seed, 'creativity', '<img src=x onerror=alert(1)>')).toMatchObject({ ok: false, reason: expect.stringContaining('tags') });
    expect(model.renameValue(seed, 'creativity', 'Love <3').ok).toBe(true);
  });

  it('adds values of the client’s own at the bottom, up to 20, and no duplicates', () => {
    let answers = model.seedAnswers(themes);
    answers = ok(model.addValue(answers, 'Humor', 'v-humor', DAY1));
    expect(answers.values.at(-1)).toMatchObject({ id: 'v-humor', label: 'Humor', rank: 4, origin: 'client', chain: [{ text: 'Humor' }] });
    expect(model.addValue(answers, 'humor', 'v-again', DAY1)).toEqual({ ok: false, reason: 'humor is already on your list.' });
    for (let i = answers.values.length; i < 20; i += 1) answers = ok(model.addValue(answers, `Value ${i}`, `v-${i}`, DAY1));
    expect(answers.values).toHaveLength(20);
    expect(model.addValue(answers, 'One too many', 'v-21', DAY1)).toMatchObject({ ok: false, reason: expect.stringContaining('up to 20') });
  });

  it('removes a value, closes the gap in ranks, and undo puts it back where it was', () => {
    const seed = model.seedAnswers(themes);
    const { answers, removed } = model.removeValue(seed, 'family', DAY1);
    expect(labels(answers)).toEqual(['Creativity', 'Personal growth']);
    expect(answers.values.map((value) => value.rank)).toEqual([1, 2]);
    expect(removed).toMatchObject({ kind: 'remove', value: { id: 'family' }, index: 1 });
    const restored = model.restoreRemoved(answers, removed!, DAY1);
    expect(restored).toEqual(seed);
  });

  it('undo keeps values added after the removal', () => {
    const seed = model.seedAnswers(themes);
    const { answers, removed } = model.removeValue(seed, 'creativity', DAY1);
    const added = ok(model.addValue(answers, 'Humor', 'v-humor', DAY1));
    const restored = model.restoreRemoved(added, removed!, DAY1);
    expect(labels(restored)).toEqual(['Creativity', 'Family', 'Personal growth', 'Humor']);
  });

  it('merges two values: chains joined (with the other name), better rank kept, undo restores both', () => {
    let answers = model.seedAnswers(themes);
    answers = ok(model.addWord(answers, 'growth', 'reading', 'w-read'));
    answers = model.toggleBold(answers, 'growth', 'w-read');
    answers = ok(model.addWord(answers, 'creativity', 'sketching', 'w-sketch'));
    answers = model.setRating(answers, 'growth', 6);
    // Keep Creativity (rank 1), merge Personal growth (rank 3) into it.
    const merged = ok(model.mergeValues(answers, 'creativity', 'growth', DAY1));
    const creativity = merged.answers.values.find((value) => value.id === 'creativity')!;
    expect(creativity.chain.map((word) => word.text)).toEqual(['Creativity', 'sketching', 'Personal growth', 'reading']);
    expect(creativity.boldId).toBe('w-read');
    expect(creativity.rating).toBe(6);
    expect(labels(merged.answers)).toEqual(['Creativity', 'Family']);

    // Merging a better-ranked value into a lower one moves the kept one up.
    const upward = ok(model.mergeValues(answers, 'growth', 'creativity', DAY1));
    expect(labels(upward.answers)).toEqual(['Personal growth', 'Family']);

    expect(model.restoreRemoved(merged.answers, merged.removed, DAY1)).toEqual(answers);
    expect(model.restoreRemoved(upward.answers, upward.removed, DAY1)).toEqual(answers);
  });

  it('refuses a merge that would make a chain longer than 40 words', () => {
    let answers = model.seedAnswers(themes);
    for (let i = 0; i < 30; i += 1) answers = ok(model.addWord(answers, 'creativity', `c${i}`, `w-c${i}`));
    for (let i = 0; i < 15; i += 1) answers = ok(model.addWord(answers, 'family', `f${i}`, `w-f${i}`));
    expect(model.mergeValues(answers, 'creativity', 'family', DAY1)).toMatchObject({ ok: false, reason: expect.stringContaining('40 words') });
  });
});

describe('chains', () => {
  it('adds, edits, reorders and removes words; one bold word, cleared when removed', () => {
    let answers = model.seedAnswers(themes);
    answers = ok(model.addWord(answers, 'growth', ' reading ', 'w-1'));
    answers = ok(model.addWord(answers, 'growth', 'learning', 'w-2'));
    answers = ok(model.editWord(answers, 'growth', 'w-2', 'challenging myself'));
    answers = model.moveWord(answers, 'growth', 'w-2', -1);
    const chain = () => answers.values[2]!.chain.map((word) => word.text);
    expect(chain()).toEqual(['Personal growth', 'challenging myself', 'reading']);
    answers = model.toggleBold(answers, 'growth', 'w-1');
    expect(answers.values[2]!.boldId).toBe('w-1');
    answers = model.toggleBold(answers, 'growth', 'w-2');
    expect(answers.values[2]!.boldId).toBe('w-2');
    expect(model.toggleBold(answers, 'growth', 'w-2').values[2]!.boldId).toBeNull();
    answers = model.removeWord(answers, 'growth', 'w-2');
    expect(answers.values[2]!.boldId).toBeNull();
    expect(chain()).toEqual(['Personal growth', 'reading']);
    expect(model.moveWord(answers, 'growth', 'w-name', -1)).toBe(answers);
    expect(model.addWord(answers, 'growth', '', 'w-3').ok).toBe(false);
  });
});

describe('ranking', () => {
  it('moves values and keeps ranks 1..n', () => {
    const seed = model.seedAnswers(themes);
    const moved = model.moveToPosition(seed, 'growth', 0, DAY1);
    expect(labels(moved)).toEqual(['Personal growth', 'Creativity', 'Family']);
    expect(moved.values.map((value) => value.rank).sort()).toEqual([1, 2, 3]);
    expect(model.moveToPosition(moved, 'growth', 0, DAY1)).toBe(moved);
    expect(labels(model.moveToPosition(moved, 'growth', 99, DAY1))).toEqual(['Creativity', 'Family', 'Personal growth']);
  });

  it('keeps one snapshot a day: later moves the same day replace it, a new day adds one', () => {
    let answers = model.seedAnswers(themes);
    answers = model.moveToPosition(answers, 'growth', 0, DAY1);
    answers = model.moveToPosition(answers, 'family', 0, DAY1_LATER);
    expect(answers.history).toEqual([{ date: '2026-12-03', order: ['family', 'growth', 'creativity'] }]);
    answers = model.moveToPosition(answers, 'creativity', 0, DAY3);
    expect(answers.history.map((snapshot) => snapshot.date)).toEqual(['2026-12-03', '2026-12-05']);
    expect(answers.history[1]!.order).toEqual(['creativity', 'family', 'growth']);
  });

  it('shows how each value moved since the first day, and counts new values as new', () => {
    let answers = model.seedAnswers(themes);
    answers = model.confirmRanking(answers, DAY1);
    answers = model.moveToPosition(answers, 'growth', 0, DAY3);
    answers = ok(model.addValue(answers, 'Humor', 'v-humor', DAY3));
    const movement = model.movementSinceFirstDay(answers);
    expect(movement.get('growth')).toEqual({ kind: 'up', places: 2 });
    expect(movement.get('creativity')).toEqual({ kind: 'down', places: 1 });
    expect(movement.get('family')).toEqual({ kind: 'down', places: 1 });
    expect(movement.get('v-humor')).toEqual({ kind: 'new' });
    expect(model.movementSinceFirstDay(model.seedAnswers(themes)).size).toBe(0);
  });
});

describe('living score', () => {
  it('takes 1 to 10 or not yet rated, and marks gaps to 10 worth a look near the top of the ranking', () => {
    let answers = model.seedAnswers([...themes, { id: 'health', name: 'Health' }]);
    expect(model.setRating(answers, 'family', 11)).toBe(answers);
    answers = model.setRating(answers, 'creativity', 9);
    answers = model.setRating(answers, 'family', 2);
    answers = model.setRating(answers, 'growth', 3);
    const gaps = livingGaps(model.rankedValues(answers));
    expect(gaps.map((gap) => [gap.label, gap.rank, gap.gap, gap.worthALook])).toEqual([
      ['Creativity', 1, 1, false],
      ['Family', 2, 8, true],
      ['Personal growth', 3, 7, false],
      ['Health', 4, null, false],
    ]);
    expect(model.setRating(answers, 'family', null).values[1]!.rating).toBeNull();
  });
});

describe('text checks', () => {
  it('spots markup but lets ordinary punctuation through', () => {
    expect(model.looksLikeMarkup('<script>alert(1)</script>')).toBe(true);
    expect(model.looksLikeMarkup('<b')).toBe(true);
    expect(model.looksLikeMarkup('javascript:alert(1)')).toBe(true);
    expect(model.looksLikeMarkup('Love <3 & 2 > 1')).toBe(false);
    expect(model.looksLikeMarkup('家族, عائلة, Семья 👪')).toBe(false);
  });
});
