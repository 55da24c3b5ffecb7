import { atom, computed, type ReadableAtom } from 'nanostores';
import type { Answers, Value } from '../schemas/answers.ts';
import { ANSWERS_VERSION } from './limits.ts';
import * as model from './model.ts';
import { encodeStored, readStored } from './migrate.ts';
import { classifyStorageError, openSlot, writeOnce, type Slot } from './storage.ts';
import { answersBackupKey, answersStorageKey } from './saved-answers.ts';
import type { Removed } from './model-values.ts';

/**
 * The client's answers: one store feeding every page, kept in browser storage (storage.ts) under
 * `workbook:<slug>:answers` as `{ version, data }`.
 *
 * Persistence rules, each tested in tests/unit/answers-persistence.test.ts:
 * 1. storage unavailable: answers live in memory and `$saveStatus` says so;
 * 2. a refused write (quota): caught, answers stay, status "unsaved" until a write succeeds;
 * 3. unreadable stored data: copied to a backup key, the store starts clean, and says so;
 * 4. two tabs: each change is applied to the newest stored answers, and a newer
 *    change from another tab is taken in, never written over;
 * 5. hydration: islands read this store with `useStore(..., { ssr })`, see useAnswers.ts;
 * 6. persistent storage is asked for after the first change;
 * 7. `$saveStatus.savedAt` says when the answers on screen were last saved.
 *
 * This module holds what every page needs, with the notes and living-score
 * actions; HW1's actions are in values.ts and HW2's in ranking.ts, so each page
 * loads only its own.
 */

export { rankedValues } from './model.ts';
export type { Theme } from './model.ts';

export { answersBackupKey, answersStorageKey, peekAnswers } from './saved-answers.ts';

const EMPTY: Answers = model.seedAnswers([]);

/** All of the client's answers. Change them only through the actions below. */
export const $answers = atom<Answers>(EMPTY);

/** The values, most important first. */
export const $rankedValues = computed($answers, (answers): Value[] => model.rankedValues(answers));

export interface Recovered {
  /** The key the unreadable text was copied to, or null when even the copy could not be stored. */
  backupKey: string | null;
  /** The unreadable text itself, so it can be downloaded in any case. */
  raw: string;
  reason: 'not-json' | 'foreign' | 'newer-version';
}

export interface SaveStatus {
  /**
   * `starting` before initAnswers; `saved` when storage holds what is on screen;
   * `unsaved` when the last write was refused; `memory` when storage cannot be used at all.
   */
  state: 'starting' | 'saved' | 'unsaved' | 'memory';
  /** When the answers on screen were last saved; null before the first answer. */
  savedAt: number | null;
  /** Why the last write was refused. */
  error: 'quota' | 'blocked' | null;
  /** Stored text that could not be read, kept aside. */
  recovered: Recovered | null;
  /** The version the stored answers were migrated from, when they were. */
  migratedFrom: number | null;
}

export const INITIAL_STATUS: SaveStatus = { state: 'starting', savedAt: null, error: null, recovered: null, migratedFrom: null };

/** Whether and when the answers were saved, and anything the client must be told about storage. */
export const $saveStatus = atom<SaveStatus>(INITIAL_STATUS);

/** The last value removed or merged away, until it is put back or another one leaves. */
export const $lastRemoved = atom<Removed | null>(null);

interface Session {
  slug: string;
  themeIds: Set<string>;
  slot: Slot | null;
  /** The text this tab last wrote or read, to tell its own writes from other tabs'. */
  lastText: string | undefined;
  /** The `updatedAt` of the answers known to be in storage. */
  storedAt: number;
  unlisten: (() => void) | null;
  askedPersist: boolean;
}

let session: Session | null = null;

function setStatus(patch: Partial<SaveStatus>): void {
  $saveStatus.set({ ...$saveStatus.get(), ...patch });
}

function refusal(error: unknown): 'quota' | 'blocked' {
  return classifyStorageError(error) === 'quota' ? 'quota' : 'blocked';
}

/** Writes answers to storage, and reports how it went. */
function save(answers: Answers): void {
  if (!session?.slot) return;
  const text = encodeStored(answers);
  try {
    session.slot.write(text);
    session.lastText = text;
    session.storedAt = answers.updatedAt;
    setStatus({ state: 'saved', savedAt: answers.updatedAt > 0 ? answers.updatedAt : null, error: null });
  } catch (error) {
    setStatus({ state: 'unsaved', error: refusal(error) });
  }
}

/** Takes in answers that are already in storage (another tab's, or ours from before). */
function adopt(answers: Answers, text: string): void {
  if (!session) return;
  session.lastText = text;
  session.storedAt = answers.updatedAt;
  $answers.set(answers);
  setStatus({ state: 'saved', savedAt: answers.updatedAt > 0 ? answers.updatedAt : null, error: null });
}

/** Keeps unreadable text aside under a backup key; the client is told and may download it. */
function keepAside(slug: string, raw: string, reason: Recovered['reason']): boolean {
  let backupKey: string | null = answersBackupKey(slug, Date.now());
  try {
    writeOnce(backupKey, raw);
  } catch {
    backupKey = null;
  }
  setStatus({ recovered: { backupKey, raw, reason } });
  return backupKey !== null;
}

const hasUnsavedChanges = (): boolean => session !== null && session.slot !== null && $answers.get().updatedAt > session.storedAt;

/** Another tab changed the key (or storage was cleared). */
function onStorageChange(text: string | undefined): void {
  if (!session || text === session.lastText) return;
  const current = $answers.get();
  if (text === undefined) {
    // Storage was cleared elsewhere: what is on screen is put back, so nothing typed is lost.
    if (current.updatedAt > 0) save(current);
    return;
  }
  const read = readStored(text, session.themeIds, Date.now());
  if (read.kind !== 'ok') {
    keepAside(session.slug, text, read.kind === 'unreadable' ? read.reason : 'foreign');
    save(current);
    return;
  }
  if (read.answers.updatedAt > current.updatedAt) {
    // With a change of our own not yet saved (storage refused it), ours stays on screen.
    if (!hasUnsavedChanges()) adopt(read.answers, text);
  } else if (read.answers.updatedAt < current.updatedAt) {
    save(current);
  } else {
    session.lastText = text;
  }
}

/** The newest answers: this tab's, or storage's when another tab saved since (its event may still be on the way). */
function latest(): Answers {
  const current = $answers.get();
  if (!session?.slot) return current;
  let text: string | undefined;
  try {
    text = session.slot.read();
  } catch {
    return current;
  }
  if (text === undefined || text === session.lastText) return current;
  const read = readStored(text, session.themeIds, Date.now());
  if (read.kind === 'ok' && read.answers.updatedAt > current.updatedAt && !hasUnsavedChanges()) {
    adopt(read.answers, text);
    return read.answers;
  }
  return current;
}

function askForPersistentStorage(): void {
  if (!session || session.askedPersist || !session.slot) return;
  session.askedPersist = true;
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage || typeof storage.persist !== 'function') return;
  storage.persist().catch(() => undefined);
}

/**
 * Applies a change to the newest answers and stamps it. Saving happens in the
 * `$answers` listener below, so every path to a new value is saved the same way.
 * The actions of each homework (values.ts, ranking.ts) go through it too.
 */
export function commit(change: (answers: Answers, now: number) => Answers): boolean {
  if (!session) return false;
  const base = latest();
  const now = Date.now();
  const next = change(base, now);
  if (next === base) return false;
  $answers.set({ ...next, updatedAt: Math.max(now, base.updatedAt + 1) });
  askForPersistentStorage();
  return true;
}

$answers.listen((answers) => {
  if (session?.slot && answers.updatedAt > session.storedAt) save(answers);
});

/**
 * Starts the store for one client: reads, migrates or recovers what is stored,
 * seeds from the coach's themes when nothing is, and follows other tabs.
 * Calling it again for the same client does nothing.
 */
export function initAnswers(slug: string, themes: readonly model.Theme[]): void {
  if (session?.slug === slug) return;
  session?.unlisten?.();
  const seed = model.seedAnswers(themes);
  session = { slug, themeIds: new Set(themes.map((theme) => theme.id)), slot: null, lastText: undefined, storedAt: 0, unlisten: null, askedPersist: false };
  $lastRemoved.set(null);
  $saveStatus.set(INITIAL_STATUS);

  let text: string | undefined;
  try {
    session.slot = openSlot(answersStorageKey(slug));
    text = session.slot.read();
  } catch {
    session.slot = null;
    $answers.set(seed);
    setStatus({ state: 'memory' });
    return;
  }

  const read = readStored(text, session.themeIds, Date.now());
  if (read.kind === 'empty') {
    $answers.set(seed);
    setStatus({ state: 'saved', savedAt: null });
  } else if (read.kind === 'ok' && read.fromVersion === ANSWERS_VERSION) {
    adopt(read.answers, text ?? '');
  } else if (read.kind === 'ok') {
    // An older version: the original is kept aside quietly, then the migrated answers are saved.
    try {
      writeOnce(answersBackupKey(slug, Date.now()), text ?? '');
    } catch {
      // The migrated answers are still shown and saved; only the copy of the old text is missing.
    }
    setStatus({ migratedFrom: read.fromVersion });
    // Stamped newer than anything stored, so the $answers listener saves it.
    $answers.set(read.answers);
  } else {
    const kept = keepAside(slug, text ?? '', read.reason);
    $answers.set(seed);
    // Only once the unreadable text is safely copied is it replaced.
    if (kept) save(seed);
    else setStatus({ state: 'saved', savedAt: null });
  }
  try {
    session.unlisten = session.slot.listen(onStorageChange);
  } catch {
    // Storage went away between the read and now; the answers stay on screen and the next write will say so.
  }
}

/** Replaces every answer, as an import does. The result counts as the newest change. */
export function replaceAnswers(next: Answers): void {
  $lastRemoved.set(null);
  commit(() => ({ ...next }));
}

/** Hides the notice about unreadable stored data. The backup stays in storage. */
export function dismissRecovered(): void {
  setStatus({ recovered: null });
}

/** Runs a change that may be refused, and returns the refusal or the given value. For the store's sibling modules. */
export function attempt<T>(change: (answers: Answers, now: number) => model.Result<Answers>, value: T): model.Result<T> {
  const outcome: { refusal?: model.Refusal } = {};
  commit((answers, now) => {
    const result = change(answers, now);
    if (result.ok) return result.value;
    outcome.refusal = result;
    return answers;
  });
  return outcome.refusal ?? { ok: true, value };
}

export function setRating(id: string, rating: number | null): void {
  commit((answers) => model.setRating(answers, id, rating));
}

/** Saves one workbook's notes (the values workbook's when none is named). */
export function setNotes(workbook: string, notes: string): void {
  commit((answers) => model.setNotes(answers, workbook, notes));
}

/** One workbook's notes, as they change. */
export function notesStore(workbook: string): ReadableAtom<string> {
  let store = notesStores.get(workbook);
  if (!store) {
    store = computed($answers, (answers) => model.notesOf(answers, workbook));
    notesStores.set(workbook, store);
  }
  return store;
}
const notesStores = new Map<string, ReadableAtom<string>>();

/** The client whose answers are loaded, if any. */
export function currentSlug(): string | null {
  return session?.slug ?? null;
}

/** Forgets the loaded client, for tests that start over. */
export function resetAnswersForTests(): void {
  session?.unlisten?.();
  session = null;
  $answers.set(EMPTY);
  $saveStatus.set(INITIAL_STATUS);
  $lastRemoved.set(null);
}
