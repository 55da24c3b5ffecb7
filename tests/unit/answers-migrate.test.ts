import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANSWERS_VERSION, answersSchema } from '../../src/schemas/answers.ts';
import { encodeStored, readStored } from '../../src/stores/migrate.ts';
import { defaultPosterChoices, seedAnswers } from '../../src/stores/model.ts';

const v0 = readFileSync(new URL('../fixtures/answers-v0.json', import.meta.url), 'utf8');
const themeIds = new Set(['creativity', 'family']);
const NOW = Date.UTC(2026, 11, 4, 10);

describe('reading stored answers', () => {
  it('migrates a version 0 fixture to a valid current version', () => {
    const read = readStored(v0, themeIds, NOW);
    expect(read.kind).toBe('ok');
    if (read.kind !== 'ok') return;
    expect(read.fromVersion).toBe(0);
    expect(answersSchema.parse(read.answers)).toEqual(read.answers);
    expect(read.answers).toEqual({
      values: [
        {
          id: 'creativity',
          label: 'Creativity',
          chain: [
            { id: 'w-1', text: 'sketching' },
            { id: 'w-2', text: 'making prototypes' },
            { id: 'w-3', text: 'flow' },
          ],
          boldId: 'w-3',
          rank: 3,
          rating: 7,
          origin: 'coach',
        },
        { id: 'family', label: 'Family', chain: [{ id: 'w-1', text: 'Sunday dinners' }], boldId: null, rank: 1, rating: null, origin: 'coach' },
        { id: 'own-humor', label: 'Humor', chain: [], boldId: null, rank: 2, rating: null, origin: 'client' },
      ],
      history: [],
      lens: [],
      poster: defaultPosterChoices(),
      workbooks: { values: { notes: 'Ask about the Camino.' } },
      updatedAt: NOW,
    });
  });

  it('reads back what it stores', () => {
    const answers = { ...seedAnswers([{ id: 'family', name: 'Family' }]), updatedAt: NOW };
    expect(readStored(encodeStored(answers), themeIds, NOW)).toEqual({ kind: 'ok', answers, fromVersion: ANSWERS_VERSION });
  });

  it('repairs gaps in ranks and a bold mark on a missing word instead of discarding the answers', () => {
    const answers = {
      ...seedAnswers([
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ]),
      updatedAt: NOW,
    };
    const broken = {
      ...answers,
      values: [
        { ...answers.values[0]!, rank: 4, boldId: 'w-gone' },
        { ...answers.values[1]!, rank: 9 },
      ],
    };
    const read = readStored(encodeStored(broken), themeIds, NOW);
    expect(read.kind === 'ok' && read.answers.values.map((value) => [value.rank, value.boldId])).toEqual([
      [1, null],
      [2, null],
    ]);
  });

  it('keeps a coach theme that looks like markup: it is the client’s value, shown only as text', () => {
    const answers = { ...seedAnswers([{ id: 'img', name: '<img src=x onerror=alert(1)>' }]), updatedAt: NOW };
    expect(readStored(encodeStored(answers), themeIds, NOW)).toEqual({ kind: 'ok', answers, fromVersion: ANSWERS_VERSION });
  });

  it('tells empty, not JSON, foreign and newer data apart', () => {
    expect(readStored(undefined, themeIds, NOW)).toEqual({ kind: 'empty' });
    expect(readStored('{"version":1,"data":', themeIds, NOW)).toMatchObject({ kind: 'unreadable', reason: 'not-json' });
    expect(readStored('{"theme":"dark"}', themeIds, NOW)).toMatchObject({ kind: 'unreadable', reason: 'foreign' });
    expect(readStored('{"version":1,"data":{"values":"none"}}', themeIds, NOW)).toMatchObject({ kind: 'unreadable', reason: 'foreign' });
    expect(readStored('{"version":0,"data":{"values":[{"id":1}]}}', themeIds, NOW)).toMatchObject({ kind: 'unreadable', reason: 'foreign' });
    expect(readStored('{"version":7,"data":{}}', themeIds, NOW)).toMatchObject({ kind: 'unreadable', reason: 'newer-version' });
  });
});
