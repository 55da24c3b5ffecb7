/**
 * A client's engagement as a list of sessions: where each session's pages live,
 * which one is current and when the next one is. Plain functions, so the pages
 * and the tests share them.
 */

/** One session of a client's engagement, with where its pages live. */
export interface SessionView {
  /** Position in the engagement, from 0. */
  index: number;
  workbook: string;
  /** The day of the session, YYYY-MM-DD. */
  date: string;
  /**
   * What follows `/<slug>/` (and `/coach/<slug>/`) in the address of this
   * session's pages: nothing for the first session, so links already sent keep
   * working, and `<workbook>/` for every later one.
   */
  path: string;
}

/** Today as YYYY-MM-DD: "current" and "next" are judged on the day the site is built. */
export function buildDay(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * A client's sessions with their addresses, the current one and the next date.
 * The current session is the latest whose date is today or earlier, else the first;
 * the next date is the first session date from today on (a session today is
 * still to come, as on the coach's dashboard).
 */
export function sessionsOf(sessions: ReadonlyArray<{ workbook: string; date: string }>, today: string = buildDay()) {
  const views: SessionView[] = sessions.map((session, index) => ({
    index,
    workbook: session.workbook,
    date: session.date,
    path: index === 0 ? '' : `${session.workbook}/`,
  }));
  const first = views[0];
  if (!first) throw new Error('A client needs at least one session.');
  const current = views.findLast((session) => session.date <= today) ?? first;
  const nextDate = views.find((session) => session.date >= today)?.date;
  return { sessions: views, current, nextDate };
}
