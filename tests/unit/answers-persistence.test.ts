import { readFileSync } from 'node:fs';
import { getTestStorage, setPersistentEngine, setTestStorageKey } from '@nanostores/persistent';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANSWERS_VERSION, answersSchema, type Answers } from '../../src/schemas/answers.ts';
import { seedAnswers } from '../../src/stores/model.ts';
import {
  $answers,
  $rankedValues,
  $saveStatus,
  answersStorageKey,
  initAnswers,
  replaceAnswers,
  peekAnswers,
  resetAnswersForTests,
  setNotes,
  setRating,
} from '../../src/stores/answers.ts';
import { moveValue } from '../../src/stores/ranking.ts';
import { addWord, renameValue } from '../../src/stores/values.ts';
import { encodeStored } from '../../src/stores/migrate.ts';
import { unavailableStorage } from '../../src/stores/storage.ts';
import { savedText } from '../../src/stores/status-text.ts';
import { fillableStorage, noEvents, SLUG, startEachTestWithNoAnswers, THEMES } from './answers-setup.ts';

const KEY = answersStorageKey(SLUG);
const themes = THEMES;

function stored(key = KEY): { version: number; data: Answers } | undefined {
  const text = getTestStorage()[key];
  return text === undefined ? undefined : JSON.parse(text);
}
const label = (id: string) => $answers.get().values.find((value) => value.id === id)?.label;

startEachTestWithNoAnswers();

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the store contract', () => {
  it('seeds from the themes without writing anything until the first answer', () => {
    initAnswers(SLUG, themes);
    expect($rankedValues.get().map((value) => value.label)).toEqual(['Creativity', 'Family', 'Health']);
    expect(getTestStorage()).toEqual({});
    expect($saveStatus.get()).toMatchObject({ state: 'saved', savedAt: null });
  });

  it('stores { version, data } under workbook:<slug>:answers, valid against the schema', () => {
    initAnswers(SLUG, themes);
    renameValue('creativity', 'Making things');
    expect(KEY).toBe(`workbook:${SLUG}:answers`);
    const saved = stored()!;
    expect(saved.version).toBe(ANSWERS_VERSION);
    expect(answersSchema.parse(saved.data)).toEqual($answers.get());
  });

  it('is idempotent for one client and keeps two clients on one browser apart', () => {
    initAnswers(SLUG, themes);
    renameValue('creativity', 'Making things');
    initAnswers(SLUG, themes);
    expect(label('creativity')).toBe('Making things');
    const other = 'sam-zyxwvutsrqponmlkjihgf';
    initAnswers(other, themes);
    expect(label('creativity')).toBe('Creativity');
    renameValue('family', 'Kin');
    expect(stored(answersStorageKey(other))!.data.values[1]!.label).toBe('Kin');
    expect(stored()!.data.values[1]!.label).toBe('Family');
  });

  it('reads answers saved earlier, and replaceAnswers makes an import the newest answers', () => {
    initAnswers(SLUG, themes);
    setNotes('values', 'From last week');
    const before = $answers.get();
    resetAnswersForTests();
    initAnswers(SLUG, themes);
    expect($answers.get()).toEqual(before);
    replaceAnswers({ ...before, workbooks: { values: { notes: 'From the file' } }, updatedAt: 5 });
    expect($answers.get().workbooks.values?.notes).toBe('From the file');
    expect($answers.get().updatedAt).toBeGreaterThan(before.updatedAt);
    expect(stored()!.data.workbooks.values?.notes).toBe('From the file');
  });

  it('migrates a version 0 fixture on load, saves it as the current version and keeps the original aside', () => {
    const v0 = readFileSync(new URL('../fixtures/answers-v0.json', import.meta.url), 'utf8');
    setTestStorageKey(KEY, v0);
    initAnswers(SLUG, themes);
    expect($rankedValues.get().map((value) => value.label)).toEqual(['Family', 'Humor', 'Creativity']);
    expect(stored()!.version).toBe(ANSWERS_VERSION);
    expect($saveStatus.get().migratedFrom).toBe(0);
    const backups = Object.keys(getTestStorage()).filter((key) => key.startsWith(`${KEY}:backup:`));
    expect(backups.map((key) => getTestStorage()[key])).toEqual([v0]);
  });
});

describe('peekAnswers, for pages that only show answers', () => {
  it('reads and migrates without writing, and falls back to the seed', () => {
    expect(peekAnswers(SLUG, themes).values.map((value) => value.label)).toEqual(['Creativity', 'Family', 'Health']);
    const v0 = readFileSync(new URL('../fixtures/answers-v0.json', import.meta.url), 'utf8');
    setTestStorageKey(KEY, v0);
    expect(peekAnswers(SLUG, themes).workbooks.values?.notes).toBe('Ask about the Camino.');
    expect(getTestStorage()).toEqual({ [KEY]: v0 });
    setTestStorageKey(KEY, '{broken');
    expect(peekAnswers(SLUG, themes).values).toHaveLength(3);
    expect(getTestStorage()).toEqual({ [KEY]: '{broken' });
    setPersistentEngine(unavailableStorage(new Error('blocked')), noEvents);
    expect(peekAnswers(SLUG, themes).values).toHaveLength(3);
  });
});

describe('rule 1: storage unavailable', () => {
  it('keeps answers working in memory and says they will not be kept', () => {
    setPersistentEngine(unavailableStorage(new DOMException('The operation is insecure.', 'SecurityError')), noEvents);
    expect(() => initAnswers(SLUG, themes)).not.toThrow();
    expect($saveStatus.get().state).toBe('memory');
    expect(renameValue('creativity', 'Making things')).toEqual({ ok: true, value: null });
    setRating('family', 8);
    expect(label('creativity')).toBe('Making things');
    expect($answers.get().values[1]!.rating).toBe(8);
    expect(savedText($saveStatus.get(), Date.now())).toBe('Not saved · kept on this page only');
  });
});

describe('rule 2: quota exceeded on write', () => {
  it('catches the error, keeps the answer on screen, says "not saved", and the next good write clears it', () => {
    const storage = fillableStorage();
    setPersistentEngine(storage.engine, noEvents);
    initAnswers(SLUG, themes);
    storage.full = true;
    expect(() => renameValue('creativity', 'Making things')).not.toThrow();
    expect(label('creativity')).toBe('Making things');
    expect($saveStatus.get()).toMatchObject({ state: 'unsaved', error: 'quota' });
    expect(savedText($saveStatus.get(), Date.now())).toBe('Not saved');
    storage.full = false;
    setRating('family', 4);
    expect($saveStatus.get()).toMatchObject({ state: 'saved', error: null });
    const saved = JSON.parse(storage.items[KEY]!) as { data: Answers };
    expect(saved.data.values[0]!.label).toBe('Making things');
    expect(saved.data.values[1]!.rating).toBe(4);
  });
});

describe('rule 3: corrupt or foreign data', () => {
  it.each([
    ['text that is not JSON', '{"version":1,"data":{"values":[', 'not-json'],
    ['JSON of another shape', '{"theme":"dark"}', 'foreign'],
    ['answers with wrong types', JSON.stringify({ version: ANSWERS_VERSION, data: { ...seedAnswers([]), values: 'all of them' } }), 'foreign'],
    ['a newer version', '{"version":3,"data":{}}', 'newer-version'],
  ])('copies %s to a backup key, starts clean and says so', (_name, raw, reason) => {
    setTestStorageKey(KEY, raw);
    initAnswers(SLUG, themes);
    const backups = Object.keys(getTestStorage()).filter((key) => key.startsWith(`${KEY}:backup:`));
    expect(backups).toHaveLength(1);
    expect(getTestStorage()[backups[0]!]).toBe(raw);
    expect($saveStatus.get().recovered).toEqual({ backupKey: backups[0], raw, reason });
    expect($rankedValues.get().map((value) => value.label)).toEqual(['Creativity', 'Family', 'Health']);
    expect(answersSchema.safeParse(stored()!.data).success).toBe(true);
  });
});

describe('rule 4: two tabs', () => {
  it('takes in an edit from another tab without reload', () => {
    initAnswers(SLUG, themes);
    setNotes('values', 'mine');
    const other = { ...$answers.get(), workbooks: { values: { notes: 'from the other tab' } }, updatedAt: $answers.get().updatedAt + 1000 };
    setTestStorageKey(KEY, encodeStored(other));
    expect($answers.get().workbooks.values?.notes).toBe('from the other tab');
  });

  it('never writes over a newer edit from another tab, even before its event arrives', () => {
    initAnswers(SLUG, themes);
    renameValue('creativity', 'Making things');
    // Another tab saved a rating a moment later; its storage event has not reached us yet.
    const theirs = {
      ...$answers.get(),
      values: $answers.get().values.map((value) => (value.id === 'health' ? { ...value, rating: 3 } : value)),
      updatedAt: $answers.get().updatedAt + 50,
    };
    getTestStorage()[KEY] = encodeStored(theirs);
    addWord('family', 'Sunday dinners');
    const saved = stored()!.data;
    expect(saved.values.find((value) => value.id === 'health')!.rating).toBe(3);
    expect(saved.values.find((value) => value.id === 'family')!.chain.map((word) => word.text)).toEqual(['Family', 'Sunday dinners']);
    expect(saved.values[0]!.label).toBe('Making things');
    expect(saved.updatedAt).toBeGreaterThan(theirs.updatedAt);
  });

  it('keeps its own newer answers when an older copy arrives, and puts them back in storage', () => {
    initAnswers(SLUG, themes);
    setNotes('values', 'newest');
    const mine = $answers.get();
    setTestStorageKey(KEY, encodeStored({ ...mine, workbooks: { values: { notes: 'stale' } }, updatedAt: mine.updatedAt - 10 }));
    expect($answers.get().workbooks.values?.notes).toBe('newest');
    expect(stored()!.data.workbooks.values?.notes).toBe('newest');
  });

  it('puts the answers back when storage is cleared elsewhere', () => {
    initAnswers(SLUG, themes);
    setNotes('values', 'keep me');
    setTestStorageKey(KEY, undefined);
    expect(stored()!.data.workbooks.values?.notes).toBe('keep me');
  });
});

describe('rules 2 and 4 together', () => {
  it('keeps a change storage refused on screen even when another tab saves something newer', () => {
    const storage = fillableStorage();
    const listeners: Array<(event: { key: string; newValue: string }) => void> = [];
    setPersistentEngine(storage.engine, { addEventListener: (_key, listener) => listeners.push(listener), removeEventListener() {} });
    initAnswers(SLUG, themes);
    storage.full = true;
    setNotes('values', 'typed while storage was full');
    const theirs = encodeStored({ ...$answers.get(), workbooks: { values: { notes: 'other tab' } }, updatedAt: $answers.get().updatedAt + 100 });
    storage.items[KEY] = theirs;
    for (const listener of listeners) listener({ key: KEY, newValue: theirs });
    expect($answers.get().workbooks.values?.notes).toBe('typed while storage was full');
    expect($saveStatus.get().state).toBe('unsaved');
  });
});

describe('rule 6: persistent storage', () => {
  it('asks for persistent storage after the first answer, once', () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persist } });
    initAnswers(SLUG, themes);
    expect(persist).not.toHaveBeenCalled();
    setRating('health', 5);
    setRating('health', 6);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask when storage cannot be used', () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persist } });
    setPersistentEngine(unavailableStorage(new Error('blocked')), noEvents);
    initAnswers(SLUG, themes);
    setRating('health', 5);
    expect(persist).not.toHaveBeenCalled();
  });
});

describe('rule 7: saved state', () => {
  it('says when the answers were saved, quietly', () => {
    vi.useFakeTimers({ now: new Date(2026, 11, 4, 10, 0) });
    initAnswers(SLUG, themes);
    expect(savedText($saveStatus.get(), Date.now())).toBe('Saved in this browser as you go');
    moveValue('health', 0);
    const savedAt = $saveStatus.get().savedAt!;
    expect(savedAt).toBe($answers.get().updatedAt);
    expect(savedText($saveStatus.get(), savedAt + 10_000)).toBe('Saved · just now');
    expect(savedText($saveStatus.get(), savedAt + 2 * 60_000)).toBe('Saved · 2 min ago');
    expect(savedText($saveStatus.get(), savedAt + 3 * 3_600_000)).toBe('Saved · 3 h ago');
    expect(savedText($saveStatus.get(), savedAt + 3 * 86_400_000)).toBe('Saved · on 4 Dec');
  });
});
