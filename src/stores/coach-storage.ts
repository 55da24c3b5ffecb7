/**
 * The browser storage under the coach's stores, with failures sorted into the
 * few kinds a person can act on. Tests swap in their own engine.
 */

/** The part of the Web Storage API the coach's stores use. */
export interface StorageEngine {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Why a read or write failed, in the terms the page explains to the coach. */
export type StorageFailure = 'unavailable' | 'quota' | 'failed';

/** Thrown when the browser offers no storage at all. */
export class StorageUnavailableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'StorageUnavailableError';
  }
}

/** `undefined`: use the browser's localStorage; `null`: behave as if storage were turned off. */
let override: StorageEngine | null | undefined;

/** Replaces the storage for tests: an engine, or `null` for "storage is turned off". */
export function useStorageEngine(engine: StorageEngine | null): void {
  override = engine;
}

/** Goes back to the browser's own localStorage. */
export function resetStorageEngine(): void {
  override = undefined;
}

/** The storage to use now. Reading `window.localStorage` itself throws when storage is disabled. */
export function storageEngine(): StorageEngine {
  if (override === null) throw new StorageUnavailableError('storage is turned off');
  if (override) return override;
  if (typeof window === 'undefined') throw new StorageUnavailableError('no browser storage here');
  try {
    return window.localStorage;
  } catch (error) {
    throw new StorageUnavailableError(error instanceof Error ? error.message : String(error));
  }
}

/** Sorts a storage exception into what the coach can do about it. */
export function classifyStorageError(error: unknown): StorageFailure {
  if (error instanceof StorageUnavailableError) return 'unavailable';
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  const code = typeof error === 'object' && error !== null && 'code' in error ? Number(error.code) : 0;
  // 22 is the legacy code for QuotaExceededError; Firefox has used its own name and 1014.
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014) return 'quota';
  if (name === 'SecurityError') return 'unavailable';
  return 'failed';
}
