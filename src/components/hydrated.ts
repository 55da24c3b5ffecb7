import { useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;

/**
 * False on the server and while hydrating, true after. Until then buttons and
 * file pickers render disabled and text fields read-only, so nothing can be
 * typed or chosen that hydration would then throw away.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
