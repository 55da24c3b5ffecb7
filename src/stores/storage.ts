import { persistentAtom, setPersistentEngine, windowPersistentEvents } from '@nanostores/persistent';

/**
 * The one place that touches browser storage, for the client's answers and the
 * coach's notes alike: keys read and written as raw text, `{ version, data }`
 * documents read with their migrations, and storage failures sorted into the
 * few kinds a person can act on.
 *
 * The engine is @nanostores/persistent's. As it ships, it quietly falls back to
 * memory when `localStorage` cannot be reached, and lets a full storage throw
 * from `set`. Here that is made loud: an unreachable storage becomes an engine
 * that throws on every use, and every store catches the throw and says so.
 * Tests swap the engine with `useTestStorageEngine()`, `setPersistentEngine()`
 * or `useStorageEngine()`.
 */

/** Thrown when the browser offers no storage at all. */
export class StorageUnavailableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'StorageUnavailableError';
  }
}

/** An engine that fails every read and write with the error the browser gave. */
export function unavailableStorage(error: unknown): Record<string, string> {
  const fail = (): never => {
    throw error instanceof Error ? error : new Error(String(error));
  };
  return new Proxy({} as Record<string, string>, { get: fail, set: fail, has: fail, deleteProperty: fail, ownKeys: fail });
}

/** Uses the browser's localStorage, or an engine that throws when the browser will not give it. */
export function installBrowserStorage(): void {
  let storage: Record<string, string>;
  try {
    storage = window.localStorage as unknown as Record<string, string>;
    // Some browsers hand out the object and refuse on first use.
    void window.localStorage.length;
  } catch (error) {
    storage = unavailableStorage(error);
  }
  setPersistentEngine(storage, windowPersistentEvents);
}

if (typeof window !== 'undefined') installBrowserStorage();

/** The part of the Web Storage API a test engine provides. */
export interface StorageEngine {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Replaces the storage for tests: an engine, or `null` for "storage is turned off". Other tabs' events still arrive. */
export function useStorageEngine(engine: StorageEngine | null): void {
  if (engine === null) {
    setPersistentEngine(unavailableStorage(new StorageUnavailableError('storage is turned off')), windowPersistentEvents);
    return;
  }
  const items = new Proxy({} as Record<string, string>, {
    get: (_, key) => (typeof key === 'string' ? (engine.getItem(key) ?? undefined) : undefined),
    set: (_, key, value) => {
      engine.setItem(String(key), String(value));
      return true;
    },
    has: (_, key) => typeof key === 'string' && engine.getItem(key) !== null,
    deleteProperty: (_, key) => {
      engine.removeItem(String(key));
      return true;
    },
  });
  setPersistentEngine(items, windowPersistentEvents);
}

/** Goes back to the browser's own localStorage. */
export function resetStorageEngine(): void {
  installBrowserStorage();
}

/** Why a read or write failed, in the terms a page explains. */
export type StorageFailure = 'unavailable' | 'quota' | 'failed';

/** Sorts a storage exception into what the person can do about it: the one classifier for every store. */
export function classifyStorageError(error: unknown): StorageFailure {
  if (error instanceof StorageUnavailableError) return 'unavailable';
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  const code = typeof error === 'object' && error !== null && 'code' in error ? Number(error.code) : 0;
  // 22 is the legacy code for QuotaExceededError; Firefox has used its own name and 1014.
  if (/quota/i.test(name) || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014 || /quota/i.test(String(error))) return 'quota';
  if (name === 'SecurityError') return 'unavailable';
  return 'failed';
}

/** One key in storage, as raw text. */
export interface Slot {
  /** The text stored now, read afresh (not a cached copy); undefined when nothing is stored. Throws when storage fails. */
  read(): string | undefined;
  /** Stores text. Throws when storage refuses (full, blocked). */
  write(text: string): void;
  /** Calls back when another tab changes the key (or storage is cleared). */
  listen(callback: (text: string | undefined) => void): () => void;
}

/**
 * Opens a key. Throws when storage cannot be read at all (private mode, turned off).
 * The long-lived atom carries writes and other tabs' changes; a fresh read builds a
 * throwaway atom, because only construction reads the engine directly.
 */
export function openSlot(key: string): Slot {
  const $raw = persistentAtom<string | undefined>(key, undefined);
  return {
    read: () => readKey(key),
    write: (text) => $raw.set(text),
    listen: (callback) => $raw.listen((text) => callback(text)),
  };
}

/** The text under a key, or undefined. Throws when storage cannot be read. */
export function readKey(key: string): string | undefined {
  return persistentAtom<string | undefined>(key, undefined, { listen: false }).value;
}

/** Writes one key once, for backups and kept copies. Throws when storage refuses. */
export function writeOnce(key: string, text: string): void {
  persistentAtom<string | undefined>(key, undefined, { listen: false }).set(text);
}

/** Removes one key. Throws when storage refuses. */
export function removeKey(key: string): void {
  persistentAtom<string | undefined>(key, undefined, { listen: false }).set(undefined);
}

/** How a stored `{ version, data }` document turned out. */
export type VersionedRead<T> =
  | { kind: 'empty' }
  | { kind: 'ok'; data: T; fromVersion: number }
  /** Something is stored but cannot be used: the caller keeps it aside, never throws it away. */
  | { kind: 'unreadable'; reason: 'not-json' | 'foreign' | 'newer-version'; detail: string };

/** What a store says about its own documents. */
export interface VersionedFormat<T> {
  /** The version written now. */
  version: number;
  /** Carries the data of an older version forward to `version`; a string says why it cannot. */
  migrate(data: unknown, fromVersion: number): unknown;
  /** Checks data of the current version: the data to use, or a string saying what is wrong. */
  check(data: unknown): T | string;
}

/** Wraps data for storage. */
export function encodeVersioned(version: number, data: unknown): string {
  return JSON.stringify({ version, data });
}

/** Reads a stored document: empty, usable (after migration and the format's check), or unreadable with the reason. */
export function readVersioned<T>(text: string | null | undefined, format: VersionedFormat<T>): VersionedRead<T> {
  if (text === null || text === undefined) return { kind: 'empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', reason: 'not-json', detail: 'the stored text is not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || !('version' in parsed) || !('data' in parsed)) {
    return { kind: 'unreadable', reason: 'foreign', detail: 'the stored text is not { version, data }' };
  }
  const { version, data } = parsed as { version: unknown; data: unknown };
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    return { kind: 'unreadable', reason: 'foreign', detail: `unknown version ${String(version)}` };
  }
  if (version > format.version) {
    return { kind: 'unreadable', reason: 'newer-version', detail: `version ${version} is newer than this workbook (${format.version})` };
  }
  const current = version < format.version ? format.migrate(data, version) : data;
  if (typeof current === 'string') return { kind: 'unreadable', reason: 'foreign', detail: current };
  const checked = format.check(current);
  if (typeof checked === 'string') return { kind: 'unreadable', reason: 'foreign', detail: checked };
  return { kind: 'ok', data: checked, fromVersion: version };
}
