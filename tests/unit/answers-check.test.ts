import { describe, expect, it } from 'vitest';
import { answersSchema, type Answers } from '../../src/schemas/answers.ts';
import { answersProblems } from '../../src/stores/answers-rules.ts';
import { answersShapeFault, repeatedId } from '../../src/stores/check.ts';
import { seedAnswers } from '../../src/stores/model.ts';

const lensEntry = {
  id: 'l-1',
  createdAt: 1_780_000_000_000,
  text: 'Taking the Lisbon job',
  marks: { creativity: 'honours', family: 'pulls' },
  note: '',
} as const;
const goal = { id: 'g-1', text: 'Run the spring workshop', firstStep: 'Book the room', honours: ['creativity'], pullsAgainst: [], note: '' };
const valid: Answers = {
  ...seedAnswers([
    { id: 'creativity', name: 'Creativity' },
    { id: 'family', name: 'Family' },
  ]),
  history: [{ date: '2026-12-03', order: ['family', 'creativity'] }],
  lens: [lensEntry],
  workbooks: { values: { notes: 'Ω Я 家 عربى 🌱' }, goals: { notes: '', goals: [goal] } },
  updatedAt: 1_780_000_000_000,
};
const value = valid.values[0]!;

/** Each fixture breaks one rule of the schema. */
const broken: Array<[string, unknown]> = [
  ['not an object', 'answers'],
  ['an array', []],
  ['a missing field', { values: [], history: [], lens: [], workbooks: {}, updatedAt: 0 }],
  ['an extra field', { ...valid, extra: true }],
  ['values not a list', { ...valid, values: {} }],
  ['21 values', { ...valid, values: Array.from({ length: 21 }, (_, i) => ({ ...value, id: `v-${i}`, rank: 1 })) }],
  ['a value with an extra field', { ...valid, values: [{ ...value, colour: 'red' }] }],
  ['an id with capitals', { ...valid, values: [{ ...value, id: 'Creativity' }] }],
  ['an id of 41 characters', { ...valid, values: [{ ...value, id: 'a'.repeat(41) }] }],
  ['an empty label', { ...valid, values: [{ ...value, label: '   ' }] }],
  ['a label of 61 characters', { ...valid, values: [{ ...value, label: 'x'.repeat(61) }] }],
  ['a label that is a number', { ...valid, values: [{ ...value, label: 7 }] }],
  ['41 words', { ...valid, values: [{ ...value, chain: Array.from({ length: 41 }, (_, i) => ({ id: `w-${i}`, text: 'w' })) }] }],
  ['a word of 81 characters', { ...valid, values: [{ ...value, chain: [{ id: 'w-1', text: 'x'.repeat(81) }] }] }],
  ['a word with an extra field', { ...valid, values: [{ ...value, chain: [{ id: 'w-1', text: 'x', bold: true }] }] }],
  ['a bold id of the wrong form', { ...valid, values: [{ ...value, boldId: 'W 1' }] }],
  ['rank 0', { ...valid, values: [{ ...value, rank: 0 }] }],
  ['rank 21', { ...valid, values: [{ ...value, rank: 21 }] }],
  ['rank 1.5', { ...valid, values: [{ ...value, rank: 1.5 }] }],
  ['rating 11', { ...valid, values: [{ ...value, rating: 11 }] }],
  ['rating 0', { ...valid, values: [{ ...value, rating: 0 }] }],
  ['rating "7"', { ...valid, values: [{ ...value, rating: '7' }] }],
  ['an unknown origin', { ...valid, values: [{ ...value, origin: 'friend' }] }],
  ['a history day in another form', { ...valid, history: [{ date: '3 Dec 2026', order: [] }] }],
  ['a history order of numbers', { ...valid, history: [{ date: '2026-12-03', order: [1, 2] }] }],
  ['367 history days', { ...valid, history: Array.from({ length: 367 }, () => ({ date: '2026-12-03', order: [] })) }],
  ['notes as a list', { ...valid, workbooks: { values: { notes: ['a'] } } }],
  ['the old notes field', { ...valid, notes: '' }],
  ['a workbook name with capitals', { ...valid, workbooks: { Values: { notes: '' } } }],
  ['a lens entry without text', { ...valid, lens: [{ ...lensEntry, text: ' ' }] }],
  ['a lens mark that is not one of the three', { ...valid, lens: [{ ...lensEntry, marks: { creativity: 'maybe' } }] }],
  ['a lens note over 2,000 characters', { ...valid, lens: [{ ...lensEntry, note: 'x'.repeat(2001) }] }],
  ['a goal with an extra field', { ...valid, workbooks: { goals: { notes: '', goals: [{ ...goal, due: 'soon' }] } } }],
  ['a goal honouring a malformed id', { ...valid, workbooks: { goals: { notes: '', goals: [{ ...goal, honours: ['Not An Id'] }] } } }],
  ['a poster size of the wrong form', { ...valid, poster: { ...valid.poster, size: 'A4 Big' } }],
  ['a poster showing 0 values', { ...valid, poster: { ...valid.poster, topN: 0 } }],
  ['a poster name toggle as text', { ...valid, poster: { ...valid.poster, showName: 'yes' } }],
  ['notes over 200,000 characters', { ...valid, workbooks: { values: { notes: 'x'.repeat(200_001) } } }],
  ['a negative time', { ...valid, updatedAt: -1 }],
  ['a fractional time', { ...valid, updatedAt: 1.5 }],
];

describe('the browser check of stored answers', () => {
  it('accepts what the schema accepts', () => {
    expect(answersSchema.safeParse(valid).success).toBe(true);
    expect(answersShapeFault(valid)).toBeNull();
    const empty = seedAnswers([]);
    expect(answersSchema.safeParse(empty).success).toBe(true);
    expect(answersShapeFault(empty)).toBeNull();
  });

  it.each(broken)('refuses %s, as the schema does', (_name, input) => {
    expect(answersSchema.safeParse(input).success).toBe(false);
    expect(answersShapeFault(input)).not.toBeNull();
  });

  it('spots an id used twice in stored answers, which no repair can fix', () => {
    expect(repeatedId(valid)).toBeNull();
    expect(repeatedId({ ...valid, values: [value, value] })).toBe('creativity');
    expect(
      repeatedId({
        ...valid,
        values: [
          {
            ...value,
            chain: [
              { id: 'w-1', text: 'a' },
              { id: 'w-1', text: 'b' },
            ],
          },
        ],
      }),
    ).toBe('w-1');
  });

  it('finds what the schema alone cannot: repeated ids, ranks with gaps, a bold word not in its chain, markup', () => {
    const problems = answersProblems(
      {
        ...valid,
        values: [
          {
            ...value,
            rank: 1,
            label: '<b>Bold</b>',
            chain: [
              { id: 'w-1', text: 'a' },
              { id: 'w-1', text: '<i>b</i>' },
            ],
            boldId: 'w-9',
          },
          { ...value, rank: 3 },
        ],
      },
      'answers.json',
    ).map((problem) => `${problem.field}: expected ${problem.expected}, found ${problem.found}`);
    expect(problems).toEqual([
      'data.values[0].label: expected plain text without HTML tags, found "<b>Bold</b>"',
      'data.values[0].chain[1].id: expected an id used once in the chain, found "w-1"',
      'data.values[0].chain[1].text: expected plain text without HTML tags, found "<i>b</i>"',
      'data.values[0].boldId: expected the id of a word in this chain, found "w-9"',
      'data.values[1].id: expected an id used once, found "creativity"',
      'data.values: expected ranks 1 to 2, each once, found ranks 1, 3',
    ]);
  });
});
