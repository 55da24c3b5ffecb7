import { startTransition, useEffect, useState } from 'react';

/**
 * False on the server and while hydrating, true after. Until then buttons and
 * file pickers render disabled and text fields read-only, so nothing can be
 * typed or chosen that hydration would then throw away.
 *
 * The switch is a transition, so the render that follows hydration yields to
 * the browser between components instead of holding a slow phone in one long task.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => startTransition(() => setHydrated(true)), []);
  return hydrated;
}
