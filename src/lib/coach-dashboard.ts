/**
 * Ordering and search for the coach's dashboard. Plain functions, shared by the
 * page (at build time) and the search box (in the browser).
 */

/** Folds a name for searching: case, accents and extra spaces do not matter ("Zoë" matches "zoe"). */
export function foldName(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether every word of the query appears in the name, in any order. An empty query matches everyone. */
export function nameMatches(name: string, query: string): boolean {
  const folded = foldName(name);
  return foldName(query)
    .split(' ')
    .filter((word) => word !== '')
    .every((word) => folded.includes(word));
}

export interface Scheduled {
  sessionDate: string;
  name: string;
}

/**
 * Next session first: sessions from `today` on, soonest first, then past
 * sessions, most recent first. Dates are YYYY-MM-DD, so they compare as text.
 */
export function bySession<T extends Scheduled>(clients: readonly T[], today: string): Array<T & { upcoming: boolean }> {
  const upcoming = clients
    .filter((client) => client.sessionDate >= today)
    .sort((a, b) => a.sessionDate.localeCompare(b.sessionDate) || a.name.localeCompare(b.name));
  const past = clients
    .filter((client) => client.sessionDate < today)
    .sort((a, b) => b.sessionDate.localeCompare(a.sessionDate) || a.name.localeCompare(b.name));
  return [...upcoming.map((client) => ({ ...client, upcoming: true })), ...past.map((client) => ({ ...client, upcoming: false }))];
}
