import { cleanTestStorage, useTestStorageEngine } from '@nanostores/persistent';
import { beforeEach } from 'vitest';
import { resetAnswersForTests } from '../../src/stores/answers.ts';

/** A client's private slug, as their pages pass it to the homework. */
export const SLUG = 'maya-abcdefghijklmnopqrst';

/** Three coach themes, in the coach's order. */
export const THEMES: Array<{ id: string; name: string }> = [
  { id: 'creativity', name: 'Creativity' },
  { id: 'family', name: 'Family' },
  { id: 'health', name: 'Health' },
];

/** Storage events for an engine that never hears from other tabs. */
export const noEvents = { addEventListener() {}, removeEventListener() {} };

/** Starts every test in the file with no answers in the store and an empty test storage. */
export function startEachTestWithNoAnswers(): void {
  beforeEach(() => {
    // The store first, so it does not put back the answers being cleaned away.
    resetAnswersForTests();
    useTestStorageEngine();
    cleanTestStorage();
  });
}

/** A storage engine for the answers store that takes writes into `items` until `full` is set, then refuses them as a full localStorage does. */
export interface FillableStorage {
  items: Record<string, string>;
  full: boolean;
  engine: Record<string, string>;
}

export function fillableStorage(): FillableStorage {
  const items: Record<string, string> = {};
  const storage: FillableStorage = {
    items,
    full: false,
    engine: new Proxy(items, {
      set(target, key, value) {
        if (storage.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        target[key as string] = value;
        return true;
      },
    }),
  };
  return storage;
}
