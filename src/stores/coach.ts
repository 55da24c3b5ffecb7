import { atom } from 'nanostores';
import {
  COACH_FILE_KIND,
  COACH_SESSION_VERSION,
  coachFileSchema,
  coachSessionSchema,
  type CoachClock,
  type CoachFile,
  type CoachSession,
} from '../schemas/coach-session.ts';
import { describeValue, formatProblem, type Problem } from '../schemas/problems.ts';
import { zodProblems } from '../schemas/zod-problems.ts';
import { classifyStorageError, encodeVersioned, openSlot, readVersioned, writeOnce, type Slot } from './storage.ts';

/**
 * The coach's data for the client whose guide is open: checklist, notes,
 * explored themes and the session clock. Saved to the coach's browser on every
 * change under `coach:<slug>:session`, never under the client's answers key.
 */

/** What happened to the coach's data most recently, for the page to show. */
export type CoachStatus =
  /** Loaded; nothing has needed saving yet. */
  | { kind: 'ready' }
  | { kind: 'saved'; at: number }
  /** The browser refuses storage (private browsing, storage turned off). */
  | { kind: 'unavailable' }
  /** Storage is full. */
  | { kind: 'quota' }
  | { kind: 'failed' }
  /** Stored data could not be read; a copy was kept and the guide started afresh. */
  | { kind: 'recovered'; reason: 'corrupt' | 'newer'; backupKey: string }
  /** Stored data could not be read and no copy could be kept, so saving is paused to protect it. */
  | { kind: 'protected'; reason: 'corrupt' | 'newer' }
  /** Another tab changed the data and this tab took the change. */
  | { kind: 'synced' }
  | { kind: 'imported'; exportedAt: string; backupKey: string | null };

export function emptyCoachSession(): CoachSession {
  return { checklist: [], notes: {}, explored: [], clock: { elapsedMs: 0, startedAt: null }, updatedAt: 0 };
}

/** The coach's data for the current client. */
export const $coachSession = atom<CoachSession>(emptyCoachSession());
/** The latest save or load outcome. */
export const $coachStatus = atom<CoachStatus>({ kind: 'ready' });
/** Stored text that could not be read, kept so the coach can download it. */
export const $coachUnreadable = atom<string | null>(null);

let currentSlug: string | null = null;
let savingPaused = false;
let askedForPersistence = false;
let stopSync: (() => void) | null = null;
let slot: Slot | null = null;

export function coachStorageKey(slug: string): string {
  return `coach:${slug}:session`;
}

export function coachBackupKey(slug: string, at: number): string {
  return `coach:${slug}:session:backup:${at}`;
}

type ReadOutcome = { ok: true; data: CoachSession } | { ok: false; reason: 'corrupt' | 'newer' };

/** Reads a stored `{ version, data }` value. Version 1 is the first; a later version adds its migration here. */
function parseStored(raw: string): ReadOutcome {
  const read = readVersioned(raw, {
    version: COACH_SESSION_VERSION,
    migrate: (_data, from) => `no migration from version ${from}`,
    check: (data) => {
      const parsed = coachSessionSchema.safeParse(data);
      return parsed.success ? parsed.data : 'not the coach session shape';
    },
  });
  if (read.kind === 'ok') return { ok: true, data: read.data };
  return { ok: false, reason: read.kind === 'unreadable' && read.reason === 'newer-version' ? 'newer' : 'corrupt' };
}

function load(slug: string): void {
  let raw: string | undefined;
  try {
    slot = openSlot(coachStorageKey(slug));
    raw = slot.read();
  } catch (error) {
    slot = null;
    $coachSession.set(emptyCoachSession());
    $coachStatus.set({ kind: classifyStorageError(error) });
    return;
  }
  if (raw === undefined) {
    $coachSession.set(emptyCoachSession());
    $coachStatus.set({ kind: 'ready' });
    return;
  }
  const read = parseStored(raw);
  if (read.ok) {
    $coachSession.set(read.data);
    $coachStatus.set({ kind: 'ready' });
    return;
  }
  // Never write over data we could not read: keep a copy first, or stop saving.
  $coachSession.set(emptyCoachSession());
  $coachUnreadable.set(raw);
  const backupKey = coachBackupKey(slug, Date.now());
  try {
    writeOnce(backupKey, raw);
    $coachStatus.set({ kind: 'recovered', reason: read.reason, backupKey });
  } catch {
    savingPaused = true;
    $coachStatus.set({ kind: 'protected', reason: read.reason });
  }
}

/** Takes changes another tab saved for the same client. */
function listenToOtherTabs(): void {
  stopSync?.();
  stopSync = null;
  if (typeof window === 'undefined' || !slot) return;
  try {
    stopSync = slot.listen((text) => {
      if (text === undefined) return;
      const read = parseStored(text);
      if (!read.ok) return;
      $coachSession.set(read.data);
      $coachStatus.set({ kind: 'synced' });
    });
  } catch {
    // Storage went away since it was read; the next save says so.
  }
}

/**
 * Loads the coach's data for a client. Idempotent: every island on a page
 * calls it, and only the first call reads storage.
 */
export function initCoachSession(slug: string): void {
  if (currentSlug === slug) return;
  currentSlug = slug;
  savingPaused = false;
  $coachUnreadable.set(null);
  load(slug);
  listenToOtherTabs();
}

/** Forgets the current client, so the next `initCoachSession` reads storage again (tests, imports). */
export function closeCoachSession(): void {
  stopSync?.();
  stopSync = null;
  currentSlug = null;
  slot = null;
  savingPaused = false;
  $coachSession.set(emptyCoachSession());
  $coachStatus.set({ kind: 'ready' });
  $coachUnreadable.set(null);
}

/** Asks the browser once to keep this site's storage, after the first real save. */
function askForPersistence(): void {
  if (askedForPersistence || typeof navigator === 'undefined') return;
  askedForPersistence = true;
  navigator.storage?.persist?.().catch(() => undefined);
}

function write(slug: string, data: CoachSession): boolean {
  try {
    const target = slot ?? openSlot(coachStorageKey(slug));
    slot = target;
    target.write(encodeVersioned(COACH_SESSION_VERSION, data));
    return true;
  } catch (error) {
    $coachStatus.set({ kind: classifyStorageError(error) });
    return false;
  }
}

function update(change: (session: CoachSession) => CoachSession): void {
  const next = { ...change($coachSession.get()), updatedAt: Date.now() };
  $coachSession.set(next);
  if (currentSlug === null || savingPaused) return;
  if (write(currentSlug, next)) {
    $coachStatus.set({ kind: 'saved', at: next.updatedAt });
    askForPersistence();
  }
}

/** Saves the notes for one part of the session (a theme's id, or `opening`). */
export function setNote(id: string, label: string, text: string): void {
  update((session) => ({ ...session, notes: { ...session.notes, [id]: { label, text } } }));
}

export function setExplored(themeId: string, explored: boolean): void {
  update((session) => {
    const rest = session.explored.filter((id) => id !== themeId);
    return { ...session, explored: explored ? [...rest, themeId] : rest };
  });
}

export function setChecklistItem(itemId: string, checked: boolean): void {
  update((session) => {
    const rest = session.checklist.filter((id) => id !== itemId);
    return { ...session, checklist: checked ? [...rest, itemId] : rest };
  });
}

/** Keeps the coach's own edit of the homework letter for this client; null goes back to the letter as written. */
export function setLetterEdit(text: string | null): void {
  update((session) => {
    const { letter: _previous, ...rest } = session;
    return text === null ? rest : { ...rest, letter: text };
  });
}

/** Time on the clock at `now`, in milliseconds. */
export function clockElapsed(clock: CoachClock, now: number = Date.now()): number {
  return clock.elapsedMs + (clock.startedAt === null ? 0 : Math.max(0, now - clock.startedAt));
}

export function startClock(now: number = Date.now()): void {
  update((session) => (session.clock.startedAt === null ? { ...session, clock: { ...session.clock, startedAt: now } } : session));
}

export function pauseClock(now: number = Date.now()): void {
  update((session) => (session.clock.startedAt === null ? session : { ...session, clock: { elapsedMs: clockElapsed(session.clock, now), startedAt: null } }));
}

export function resetClock(): void {
  update((session) => ({ ...session, clock: { elapsedMs: 0, startedAt: null } }));
}

/** Formats clock time as m:ss, or h:mm:ss from an hour on. */
export function formatClock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

function hasContent(session: CoachSession): boolean {
  return (
    session.checklist.length > 0 ||
    session.explored.length > 0 ||
    session.clock.elapsedMs > 0 ||
    session.clock.startedAt !== null ||
    session.letter !== undefined ||
    Object.values(session.notes).some((note) => note.text.trim() !== '')
  );
}

/** The export file for the current client. */
export function coachFile(slug: string, client: string, now: Date = new Date()): CoachFile {
  return { kind: COACH_FILE_KIND, version: COACH_SESSION_VERSION, slug, client, exportedAt: now.toISOString(), data: $coachSession.get() };
}

/** A file name for the export: the client's slug and the day. */
export function coachFileName(slug: string, now: Date = new Date()): string {
  return `coach-notes-${slug}-${now.toISOString().slice(0, 10)}.json`;
}

export type ImportResult = { ok: true } | { ok: false; problems: string[] };

/**
 * Replaces the current client's coach data with an exported file. The data
 * already here is kept as a backup copy first; if that is impossible, nothing changes.
 */
export function importCoachFile(text: string, fileName: string): ImportResult {
  const slug = currentSlug;
  const fail = (problems: Problem[]): ImportResult => ({ ok: false, problems: problems.map(formatProblem) });
  if (slug === null) return fail([{ level: 'error', file: fileName, field: '(file)', expected: 'an open session guide', found: 'none' }]);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return fail([{ level: 'error', file: fileName, field: '(file)', expected: 'a JSON file exported from a session guide', found: 'text that is not JSON' }]);
  }
  const parsed = coachFileSchema.safeParse(input);
  if (!parsed.success) return fail(zodProblems(parsed.error, input, fileName));
  if (parsed.data.slug !== slug) {
    return fail([
      { level: 'error', file: fileName, field: 'slug', expected: `notes for this client (${slug})`, found: `notes for ${describeValue(parsed.data.slug)}` },
    ]);
  }

  let backupKey: string | null = null;
  const current = $coachSession.get();
  if (hasContent(current)) {
    backupKey = coachBackupKey(slug, Date.now());
    try {
      writeOnce(backupKey, encodeVersioned(COACH_SESSION_VERSION, current));
    } catch (error) {
      const failure = classifyStorageError(error);
      return fail([
        {
          level: 'error',
          file: fileName,
          field: '(file)',
          expected: 'room in this browser to keep a copy of the notes already here',
          found: `${failure === 'quota' ? 'storage full' : failure === 'unavailable' ? 'storage turned off' : 'a storage error'}; export the notes here first, then import again`,
        },
      ]);
    }
  }
  $coachSession.set(parsed.data.data);
  // While saving is paused to protect unreadable data, the import lives in this tab only.
  if (!savingPaused && write(slug, parsed.data.data)) $coachStatus.set({ kind: 'imported', exportedAt: parsed.data.exportedAt, backupKey });
  return { ok: true };
}

/** What the page says about a status, and how loudly. */
export function describeCoachStatus(status: CoachStatus): { tone: 'quiet' | 'good' | 'warn' | 'error'; text: string } {
  switch (status.kind) {
    case 'ready':
      return { tone: 'quiet', text: 'Your notes are saved in this browser as you type.' };
    case 'saved':
      return { tone: 'quiet', text: 'Saved in this browser.' };
    case 'synced':
      return { tone: 'quiet', text: 'Updated with changes made in another tab.' };
    case 'unavailable':
      return {
        tone: 'error',
        text: 'This browser is not letting the guide save (private browsing, or storage turned off). Your notes last only until this tab closes: export them before you leave.',
      };
    case 'quota':
      return { tone: 'error', text: "This browser's storage is full, so your latest notes are not saved. Export your notes now so nothing is lost." };
    case 'failed':
      return { tone: 'error', text: 'Your latest notes could not be saved. Export your notes now so nothing is lost.' };
    case 'recovered':
      return {
        tone: 'warn',
        text:
          status.reason === 'newer'
            ? 'The notes saved here were written by a newer version of this guide, so the guide started afresh. The newer copy is kept in this browser, and you can download it below.'
            : 'The notes saved here could not be read, so the guide started afresh. The unreadable copy is kept in this browser, and you can download it below.',
      };
    case 'protected':
      return {
        tone: 'error',
        text: 'The notes saved here could not be read, and there is no room to keep a copy, so the guide will not save over them. Download the unreadable copy below, then export what you type here.',
      };
    case 'imported':
      return {
        tone: 'good',
        text: status.backupKey ? 'Notes imported. The notes this browser had before are kept as a backup copy.' : 'Notes imported.',
      };
  }
}
