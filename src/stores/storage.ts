import { persistentAtom, setPersistentEngine, windowPersistentEvents } from '@nanostores/persistent';

/**
 * The storage engine under the answers, on top of @nanostores/persistent.
 *
 * As it ships, @nanostores/persistent quietly falls back to memory when
 * `localStorage` cannot be reached, and lets a full storage throw from `set`.
 * Here that is made loud: an unreachable storage becomes an engine that throws
 * on every use, and the answers store catches every throw and tells the client.
 * Tests swap the engine with `useTestStorageEngine()` or `setPersistentEngine()`.
 */

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
    read: () => persistentAtom<string | undefined>(key, undefined, { listen: false }).value,
    write: (text) => $raw.set(text),
    listen: (callback) => $raw.listen((text) => callback(text)),
  };
}

/** Writes one key once, for backups. Throws when storage refuses. */
export function writeOnce(key: string, text: string): void {
  persistentAtom<string | undefined>(key, undefined, { listen: false }).set(text);
}
