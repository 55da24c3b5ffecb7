/**
 * The one definition of a living-score gap, shared by the client's living-score
 * page and the coach's review page, so both say the same thing about the same answers.
 *
 * A value's gap is what is left between its living score and 10. Nothing is
 * invented from the ranking: the ranking only says which gaps are worth a look,
 * those of values near the top.
 */

/** The highest living score. */
export const LIVING_MAX = 10;
/** A gap at least this big, in a value near the top of the ranking, is worth a look. */
export const GAP_WORTH_A_LOOK = 4;

/** One value's gap, in rank order. */
export interface GapRow {
  id: string;
  label: string;
  /** 1 for the value ranked first. */
  rank: number;
  /** The living score from 1 to 10, or null when not yet rated. */
  rating: number | null;
  /** 10 minus the living score; null when not yet rated. */
  gap: number | null;
  /** Near the top of the ranking with a gap of `GAP_WORTH_A_LOOK` or more. */
  worthALook: boolean;
}

/** How many values count as "near the top": the top third, and at least one. */
export function topOfRanking(count: number): number {
  return Math.max(1, Math.ceil(count / 3));
}

/** The gaps of values given in rank order, first to last. */
export function livingGaps(ranked: readonly { id: string; label: string; rating: number | null }[]): GapRow[] {
  const top = topOfRanking(ranked.length);
  return ranked.map((value, index) => {
    const gap = value.rating === null ? null : LIVING_MAX - value.rating;
    return { id: value.id, label: value.label, rank: index + 1, rating: value.rating, gap, worthALook: index < top && gap !== null && gap >= GAP_WORTH_A_LOOK };
  });
}
