import { readFileSync } from 'node:fs';
import { getTestStorage, setPersistentEngine } from '@nanostores/persistent';
import { describe, expect, it } from 'vitest';
import { ANSWERS_VERSION, answersSchema, type Answers } from '../../src/schemas/answers.ts';
import { $answers, $saveStatus, initAnswers, notesStore, resetAnswersForTests, setNotes } from '../../src/stores/answers.ts';
import { addGoal, goalsStore, removeGoal, updateGoal } from '../../src/stores/goals.ts';
import { checkAnswersFile } from '../../src/stores/import-file.ts';
import { $lensEntries, addLensEntry, removeLensEntry, updateLensEntry } from '../../src/stores/lens.ts';
import { readStored } from '../../src/stores/migrate.ts';
import { defaultPosterChoices } from '../../src/stores/model.ts';
import { $posterChoices, setPosterChoices } from '../../src/stores/poster-choices.ts';
import { answersStorageKey } from '../../src/stores/saved-answers.ts';
import { exportFile } from '../../src/stores/transfer.ts';
import { encodeShareFragment } from '../../src/share/codec.ts';
import { readShareFragment } from '../../src/share/decode.ts';
import { fillableStorage, noEvents, SLUG, startEachTestWithNoAnswers } from './answers-setup.ts';

const themes = [
  { id: 'creativity', name: 'Creativity' },
  { id: 'family', name: 'Family' },
];
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const stored = (): { version: number; data: Answers } => JSON.parse(getTestStorage()[answersStorageKey(SLUG)]!);

startEachTestWithNoAnswers();

describe('migration to the engagement document', () => {
  it('carries version 0 and version 1 stored answers forward with nothing lost', () => {
    const v0 = readStored(fixture('answers-v0.json'), new Set(['creativity', 'family']), 5);
    expect(v0.kind === 'ok' && v0.answers.workbooks).toEqual({ values: { notes: 'Ask about the Camino.' } });
    const file = JSON.parse(fixture('answers-file-v1.json')) as { data: Record<string, unknown> };
    const v1 = readStored(JSON.stringify({ version: 1, data: file.data }), new Set(['creativity', 'family']), 5);
    expect(v1).toMatchObject({ kind: 'ok', fromVersion: 1 });
    if (v1.kind !== 'ok') return;
    const { notes, ...rest } = file.data;
    expect(v1.answers).toEqual({ ...rest, lens: [], poster: defaultPosterChoices(), workbooks: { values: { notes } } });
    expect(answersSchema.parse(v1.answers)).toEqual(v1.answers);
  });

  it('imports a file exported by version 1, and a version 0 file, as answers of today', () => {
    const checked = checkAnswersFile(fixture('answers-file-v1.json'), 'old.json', 900, SLUG, { themes });
    expect(checked.ok && checked.file.version).toBe(ANSWERS_VERSION);
    expect(checked.ok && checked.file.data.workbooks.values?.notes).toBe('Ask about the Camino.');
    expect(checked.ok && checked.file.data.values.map((value) => value.label)).toEqual(['Making things', 'Family']);
    const v0 = JSON.parse(fixture('answers-v0.json')) as { data: unknown };
    const v0File = JSON.stringify({ kind: 'coaching-workbook-answers', version: 0, slug: SLUG, exportedAt: '2026-11-01T10:00:00.000Z', data: v0.data });
    const old = checkAnswersFile(v0File, 'v0.json', v0File.length, SLUG, { themes });
    expect(old.ok && old.file.data.values.find((value) => value.id === 'own-humor')?.origin).toBe('client');
    expect(old.ok && old.file.data.workbooks.values?.notes).toBe('Ask about the Camino.');
  });

  it('loads version 1 answers into the store and saves them as the current version', () => {
    const file = JSON.parse(fixture('answers-file-v1.json')) as { data: unknown };
    getTestStorage()[answersStorageKey(SLUG)] = JSON.stringify({ version: 1, data: file.data });
    initAnswers(SLUG, themes);
    expect(notesStore('values').get()).toBe('Ask about the Camino.');
    expect(stored().version).toBe(ANSWERS_VERSION);
    expect($saveStatus.get().migratedFrom).toBe(1);
  });
});

describe('notes per workbook', () => {
  it('keeps each workbook’s notes apart', () => {
    initAnswers(SLUG, themes);
    setNotes('values', 'week one');
    setNotes('goals', 'week two');
    expect(notesStore('values').get()).toBe('week one');
    expect(notesStore('goals').get()).toBe('week two');
    expect(stored().data.workbooks).toEqual({ values: { notes: 'week one' }, goals: { notes: 'week two' } });
  });
});

describe('the values lens', () => {
  it('adds entries newest first, edits and removes them, and saves each change', () => {
    initAnswers(SLUG, themes);
    const first = addLensEntry({ text: '  Taking the   Lisbon job ', marks: { creativity: 'honours', family: 'pulls' }, note: '' });
    const second = addLensEntry({ text: 'Saying no to the board seat', marks: { family: 'honours', unknown: 'pulls' }, note: 'More evenings.' });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect($lensEntries.get().map((entry) => entry.text)).toEqual(['Saying no to the board seat', 'Taking the Lisbon job']);
    expect($lensEntries.get()[0]!.marks).toEqual({ family: 'honours' });
    expect(updateLensEntry(first.value, { marks: { creativity: 'neither' } }).ok).toBe(true);
    expect($lensEntries.get()[1]!.marks).toEqual({ creativity: 'neither' });
    expect(stored().data.lens).toEqual($lensEntries.get());
    removeLensEntry(second.value);
    expect($lensEntries.get().map((entry) => entry.id)).toEqual([first.value]);
  });

  it('refuses empty, too long or tagged text with a plain sentence, changing nothing', () => {
    initAnswers(SLUG, themes);
    expect(addLensEntry({ text: '   ', marks: {}, note: '' })).toEqual({ ok: false, reason: 'Type the choice first.' });
    expect(addLensEntry({ text: 'x'.repeat(201), marks: {}, note: '' })).toEqual({ ok: false, reason: 'Keep the choice to 200 characters or fewer.' });
    expect(addLensEntry({ text: '<img src=x onerror=alert(1)>', marks: {}, note: '' }).ok).toBe(false);
    expect(addLensEntry({ text: 'fine', marks: {}, note: 'n'.repeat(2001) }).ok).toBe(false);
    expect($lensEntries.get()).toEqual([]);
    expect(getTestStorage()).toEqual({});
  });
});

describe('goals', () => {
  it('adds, updates and removes a workbook’s goals, tied to the client’s values', () => {
    initAnswers(SLUG, themes);
    const id = addGoal('goals', {
      text: 'Run the spring workshop',
      firstStep: 'Book the room',
      honours: ['creativity', 'nope'],
      pullsAgainst: ['family'],
      note: '',
    });
    expect(id.ok).toBe(true);
    if (!id.ok) return;
    expect(goalsStore('goals').get()).toEqual([
      { id: id.value, text: 'Run the spring workshop', firstStep: 'Book the room', honours: ['creativity'], pullsAgainst: ['family'], note: '' },
    ]);
    expect(goalsStore('values').get()).toEqual([]);
    expect(updateGoal('goals', id.value, { honours: ['family'], pullsAgainst: ['family'] }).ok).toBe(true);
    expect(goalsStore('goals').get()[0]).toMatchObject({ honours: ['family'], pullsAgainst: [] });
    expect(updateGoal('goals', id.value, { text: '' })).toEqual({ ok: false, reason: 'Type the goal first.' });
    expect(stored().data.workbooks.goals?.goals).toEqual(goalsStore('goals').get());
    removeGoal('goals', id.value);
    expect(goalsStore('goals').get()).toEqual([]);
  });
});

describe('poster choices', () => {
  it('are saved as they change and come back after a reload', () => {
    initAnswers(SLUG, themes);
    expect($posterChoices.get()).toEqual(defaultPosterChoices());
    setPosterChoices({ style: 'night', size: 'a4', title: 'What I stand for', topN: 3, showName: true });
    expect(stored().data.poster).toMatchObject({ style: 'night', size: 'a4', title: 'What I stand for', topN: 3, showName: true });
    resetAnswersForTests();
    initAnswers(SLUG, themes);
    expect($posterChoices.get()).toMatchObject({ style: 'night', size: 'a4', title: 'What I stand for', topN: 3, showName: true, name: null });
  });

  it('ignore malformed choices', () => {
    initAnswers(SLUG, themes);
    setPosterChoices({ style: 'Not A Style', topN: 0, showName: 'yes' as unknown as boolean });
    expect($posterChoices.get()).toEqual(defaultPosterChoices());
  });

  it('say so when they cannot be saved', () => {
    initAnswers(SLUG, themes);
    const storage = fillableStorage();
    storage.full = true;
    setPersistentEngine(storage.engine, noEvents);
    setPosterChoices({ title: 'Kept on screen' });
    expect($posterChoices.get().title).toBe('Kept on screen');
    expect($saveStatus.get()).toMatchObject({ state: 'unsaved', error: 'quota' });
  });
});

describe('the share link', () => {
  it('carries every workbook, the lens and the poster choices to the coach, unchanged', async () => {
    initAnswers(SLUG, themes);
    setNotes('values', 'week one');
    setNotes('goals', 'week two');
    addLensEntry({ text: 'Taking the Lisbon job', marks: { creativity: 'honours' }, note: '' });
    addGoal('goals', { text: 'Run the workshop', firstStep: '', honours: ['creativity'], pullsAgainst: [], note: '' });
    setPosterChoices({ title: 'Mine' });
    const file = exportFile(SLUG, $answers.get(), Date.UTC(2026, 11, 9));
    const { fragment } = await encodeShareFragment(file, 'fflate');
    expect(await readShareFragment(`#${fragment}`, SLUG, 'fflate')).toEqual({ ok: true, file });
  });

  it('refuses a link whose lens entry was tampered with into markup-free nonsense, in one line', async () => {
    initAnswers(SLUG, themes);
    const file = exportFile(SLUG, $answers.get(), 1);
    const tampered = { ...file, data: { ...file.data, lens: [{ id: 'l-1', createdAt: 1, text: 'x', marks: { creativity: 'maybe' }, note: '' }] } };
    const { fragment } = await encodeShareFragment(tampered as typeof file, 'fflate');
    const read = await readShareFragment(`#${fragment}`, SLUG, 'fflate');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(/^error: share link: data\.lens\[0\]\.marks\.creativity: expected /);
  });
});
