import type { Answers } from '../schemas/answers.ts';
import { rankedValues } from './model.ts';

/** HW3's picture: importance from the ranking against the living score. */

/** How far a value's living score falls short of its importance, both on a 1 to 10 scale. */
export interface Gap {
  id: string;
  label: string;
  rank: number;
  rating: number | null;
  /** Importance from the rank: 10 for the top value down to 1 for the last. */
  importance: number;
  /** importance minus rating; null when not yet rated. */
  gap: number | null;
  /** One of the biggest gaps worth a conversation. */
  highlight: boolean;
}

/** The values in rank order with their gaps; the (at most three) biggest gaps of 3 or more are highlighted. */
export function livingGaps(answers: Answers): Gap[] {
  const ranked = rankedValues(answers);
  const count = ranked.length;
  const rows = ranked.map((value, index) => {
    const importance = count <= 1 ? 10 : Math.round((1 + (9 * (count - 1 - index)) / (count - 1)) * 10) / 10;
    return {
      id: value.id,
      label: value.label,
      rank: index + 1,
      rating: value.rating,
      importance,
      gap: value.rating === null ? null : Math.round((importance - value.rating) * 10) / 10,
      highlight: false,
    };
  });
  const biggest = rows
    .filter((row) => row.gap !== null && row.gap >= 3)
    .sort((a, b) => (b.gap ?? 0) - (a.gap ?? 0) || a.rank - b.rank)
    .slice(0, 3)
    .map((row) => row.id);
  return rows.map((row) => (biggest.includes(row.id) ? { ...row, highlight: true } : row));
}
