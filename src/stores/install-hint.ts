import { persistentAtom } from '@nanostores/persistent';
import type { WritableAtom } from 'nanostores';

/** Whether the client has put away the "Add to home screen" hint on their workbook home. */
export type InstallHintState = 'open' | 'dismissed';

/** The storage key of one client's hint, beside their answers and never mixed with another client's. */
export function installHintStorageKey(slug: string): string {
  return `workbook:${slug}:install-hint`;
}

const stores = new Map<string, WritableAtom<InstallHintState>>();

/**
 * The hint's state for one client, kept in browser storage. When storage is not
 * available the state lives in memory, so the hint simply shows again next time.
 */
export function installHint(slug: string): WritableAtom<InstallHintState> {
  let store = stores.get(slug);
  if (!store) {
    store = persistentAtom<InstallHintState>(installHintStorageKey(slug), 'open', {
      encode: (value) => value,
      decode: (text) => (text === 'dismissed' ? 'dismissed' : 'open'),
    });
    stores.set(slug, store);
  }
  return store;
}

/** True when the client has dismissed the hint. */
export function isInstallHintDismissed(slug: string): boolean {
  return installHint(slug).get() === 'dismissed';
}

/** Remembers that the client does not want the hint again. */
export function dismissInstallHint(slug: string): void {
  installHint(slug).set('dismissed');
}
