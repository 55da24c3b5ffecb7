import type { SaveStatus } from './answers.ts';

/** The quiet line that says whether the answers are saved, e.g. "Saved · 2 min ago". */
export function savedText(status: SaveStatus, now: number): string {
  switch (status.state) {
    case 'starting':
      return 'Saved in this browser as you go';
    case 'memory':
      return 'Not saved · kept on this page only';
    case 'unsaved':
      return 'Not saved';
    case 'saved':
      return status.savedAt === null ? 'Saved in this browser as you go' : `Saved · ${ago(status.savedAt, now)}`;
  }
}

/** "just now", "2 min ago", "3 h ago", "yesterday", then the date. */
export function ago(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const date = new Date(then);
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return `on ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) }).format(date)}`;
}
