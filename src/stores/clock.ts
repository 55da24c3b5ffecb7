import { atom, onMount } from 'nanostores';

/** The current time, ticking every 20 seconds while something shows it ("Saved · 2 min ago"). */
export const $now = atom(Date.now());

onMount($now, () => {
  $now.set(Date.now());
  const timer = setInterval(() => $now.set(Date.now()), 20_000);
  return () => clearInterval(timer);
});
