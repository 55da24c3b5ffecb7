/** The sizes a poster can be downloaded at, in pixels. */
export const POSTER_SIZES = {
  pinterest: { label: 'Pinterest pin', width: 1000, height: 1500, file: 'pinterest-1000x1500' },
  phone: { label: 'Phone wallpaper', width: 1179, height: 2556, file: 'phone-1179x2556' },
  square: { label: 'Square', width: 1080, height: 1080, file: 'square-1080x1080' },
  a4: { label: 'Print, A4 (150 dpi)', width: 1240, height: 1754, file: 'a4-1240x1754' },
  letter: { label: 'Print, US Letter (150 dpi)', width: 1275, height: 1650, file: 'letter-1275x1650' },
} as const satisfies Record<string, PosterSize>;

export interface PosterSize {
  /** What a person calls it, shown in the size picker. */
  label: string;
  width: number;
  height: number;
  /** The part of a downloaded file's name that says which size it is. */
  file: string;
}

export type PosterSizeId = keyof typeof POSTER_SIZES;

export const POSTER_SIZE_IDS = Object.keys(POSTER_SIZES) as PosterSizeId[];

export { DEFAULT_SIZE } from './options.ts';

/**
 * The part of the canvas that stays clear of what covers it: a phone's lock
 * screen draws its clock over the top fifth and its controls over the bottom,
 * so a wallpaper keeps its words between them.
 */
export function safeArea(size: PosterSizeId): { top: number; bottom: number } {
  if (size === 'phone') return { top: 0.2, bottom: 0.1 };
  return { top: 0, bottom: 0 };
}

export function isPosterSizeId(value: unknown): value is PosterSizeId {
  return typeof value === 'string' && Object.hasOwn(POSTER_SIZES, value);
}
