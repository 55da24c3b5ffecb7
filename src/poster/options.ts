/**
 * The poster's choices that the live poster's controls need before the poster
 * engine loads: kept apart from the layout so the page does not load it early.
 */
import type { PosterSizeId } from './sizes.ts';
import type { PosterStyleId } from './styles.ts';

export const DEFAULT_TOP_N = 5;
export const MIN_TOP_N = 3;
export const DEFAULT_TITLE = 'My values';
/** The poster as it starts. Here rather than beside the tables, so every page's answers can name them without loading the tables. */
export const DEFAULT_STYLE: PosterStyleId = 'paper';
export const DEFAULT_SIZE: PosterSizeId = 'pinterest';

/** The number of values to show: at least 3 (or all, when there are fewer), at most all. */
export function clampTopN(topN: number | undefined, count: number): number {
  if (count <= MIN_TOP_N) return count;
  const wanted = Number.isFinite(topN) ? Math.round(topN as number) : DEFAULT_TOP_N;
  return Math.min(count, Math.max(MIN_TOP_N, wanted));
}
