import { atom, computed } from 'nanostores';
import type { Answers, Value } from '../schemas/answers.ts';
import { ANSWERS_VERSION } from './limits.ts';
import * as model from './model.ts';
import { encodeStored, readStored } from './migrate.ts';
import { installBrowserStorage, openSlot, writeOnce, type Slot } from './storage.ts';

/**
 * The client's answers: one store feeding every page, kept in localStorage under
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
 */

export { rankedValues } from './model.ts';
export type { Theme, Removed, Movement, Gap } from './model.ts';

/** The localStorage key of one client's answers. */
export function answersStorageKey(slug: string): string {
  return `workbook:${slug}:answers`;
}

/** Where unreadable stored answers are copied before the store starts clean. */
export function answersBackupKey(slug: string, time: number): string {
  return `workbook:${slug}:answers:backup:${time}`;
}

const EMPTY: Answers = { values: [], history: [], notes: '', updatedAt: 0 };

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
export const $lastRemoved = atom<model.Removed | null>(null);

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

if (typeof window !== 'undefined') installBrowserStorage();

function setStatus(patch: Partial<SaveStatus>): void {
  $saveStatus.set({ ...$saveStatus.get(), ...patch });
}

function refusal(error: unknown): 'quota' | 'blocked' {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return /quota/i.test(name) || /quota/i.test(String(error)) ? 'quota' : 'blocked';
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
 */
function commit(change: (answers: Answers, now: number) => Answers): boolean {
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

/**
 * Reads a client's saved answers without starting the store and without writing
 * anything: migrated in memory, the seeded answers when nothing usable is stored.
 * For pages that only show answers, such as the print page.
 */
export function peekAnswers(slug: string, themes: readonly model.Theme[]): Answers {
  const seed = model.seedAnswers(themes);
  let text: string | undefined;
  try {
    text = openSlot(answersStorageKey(slug)).read();
  } catch {
    return seed;
  }
  const read = readStored(text, new Set(themes.map((theme) => theme.id)), Date.now());
  return read.kind === 'ok' ? read.answers : seed;
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

/** Runs a change that may be refused, and returns the refusal or the given value. */
function attempt<T>(change: (answers: Answers, now: number) => model.Result<Answers>, value: T): model.Result<T> {
  const outcome: { refusal?: model.Refusal } = {};
  commit((answers, now) => {
    const result = change(answers, now);
    if (result.ok) return result.value;
    outcome.refusal = result;
    return answers;
  });
  return outcome.refusal ?? { ok: true, value };
}

export function renameValue(id: string, label: string): model.Result<null> {
  return attempt((answers) => model.renameValue(answers, id, label), null);
}

/** Adds the client's own value at the bottom of the ranking; returns its id. */
export function addValue(label: string): model.Result<string> {
  const id = model.newId('v');
  return attempt((answers, now) => model.addValue(answers, label, id, now), id);
}

export function removeValue(id: string): void {
  commit((answers, now) => {
    const { answers: next, removed } = model.removeValue(answers, id, now);
    if (removed) $lastRemoved.set(removed);
    return next;
  });
}

/** Merges `otherId` into `keepId`; the chains are joined and the better rank kept. */
export function mergeValues(keepId: string, otherId: string): model.Result<null> {
  return attempt((answers, now) => {
    const result = model.mergeValues(answers, keepId, otherId, now);
    if (!result.ok) return result;
    $lastRemoved.set(result.value.removed);
    return { ok: true, value: result.value.answers };
  }, null);
}

/** Puts back the last removed (or merged-away) value. */
export function undoRemove(): void {
  const removed = $lastRemoved.get();
  if (!removed) return;
  $lastRemoved.set(null);
  commit((answers, now) => model.restoreRemoved(answers, removed, now));
}

export function dismissUndo(): void {
  $lastRemoved.set(null);
}

/** Moves a value to a position in the ranking, 0 being the top. */
export function moveValue(id: string, position: number): void {
  commit((answers, now) => model.moveToPosition(answers, id, position, now));
}

/** Moves a value up (-1) or down (+1) one place. */
export function moveValueBy(id: string, delta: -1 | 1): void {
  commit((answers, now) => {
    const position = model.rankedValues(answers).findIndex((value) => value.id === id);
    return position < 0 ? answers : model.moveToPosition(answers, id, position + delta, now);
  });
}

/** Records today's order as it stands, for a day when nothing needed to move. */
export function confirmRanking(): void {
  commit((answers, now) => model.confirmRanking(answers, now));
}

export function setRating(id: string, rating: number | null): void {
  commit((answers) => model.setRating(answers, id, rating));
}

export function setNotes(notes: string): void {
  commit((answers) => model.setNotes(answers, notes));
}

export function addWord(valueId: string, text: string): model.Result<string> {
  const id = model.newId('w');
  return attempt((answers) => model.addWord(answers, valueId, text, id), id);
}

export function editWord(valueId: string, wordId: string, text: string): model.Result<null> {
  return attempt((answers) => model.editWord(answers, valueId, wordId, text), null);
}

export function removeWord(valueId: string, wordId: string): void {
  commit((answers) => model.removeWord(answers, valueId, wordId));
}

export function moveWord(valueId: string, wordId: string, delta: -1 | 1): void {
  commit((answers) => model.moveWord(answers, valueId, wordId, delta));
}

export function toggleBold(valueId: string, wordId: string): void {
  commit((answers) => model.toggleBold(answers, valueId, wordId));
}

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
