/**
 * Estimates of how much room text takes, so the layout can pick font sizes
 * that fit before Satori measures anything. The estimates lean wide; the
 * renderers check the real layout and shrink again on the rare miss.
 */
import { graphemes, isEmoji, scriptOf } from './fonts.ts';

/**
 * How wide a font's letters run, relative to the per-letter estimates below.
 * Measured with Satori over sample values (docs/poster.md), rounded up.
 */
export type FontWidth = number;

export const WIDTH = {
  sansRegular: 1.05,
  sansSemibold: 1.08,
  sansHeavy: 1.11,
  serifRegular: 1.05,
  serifSemibold: 1.07,
  serifItalic: 0.98,
} as const;

const NARROW = new Set(Array.from("fijlrtI.,;:!|'’()[]-·"));
const WIDE = new Set(Array.from('mwMW@%&'));

/** The advance of one grapheme in ems. */
export function graphemeWidth(grapheme: string): number {
  if (isEmoji(grapheme)) return 1.2;
  const cp = grapheme.codePointAt(0) ?? 0;
  if (grapheme === ' ') return 0.28;
  const script = scriptOf(cp);
  if (script === 'han' || script === 'kana' || script === 'hangul') return 1.02;
  if (script === 'arabic' || script === 'hebrew') return 0.55;
  if (script === 'devanagari' || script === 'thai') return 0.62;
  if (NARROW.has(grapheme)) return 0.32;
  if (WIDE.has(grapheme)) return 0.88;
  if (/\p{Lu}/u.test(grapheme)) return 0.7;
  if (/\p{Nd}/u.test(grapheme)) return 0.6;
  // Cyrillic and Greek lower case run wider than Latin in these fonts (measured: дом, Семья, Ωμέγα).
  if (cp >= 0x0400 && cp <= 0x052f) return 0.66;
  if (cp >= 0x0370 && cp <= 0x03ff) return 0.6;
  return 0.56;
}

/** Estimated width in pixels of text set at `size` pixels. */
export function textWidth(text: string, size: number, width: FontWidth = 1, letterSpacing = 0): number {
  let ems = 0;
  let count = 0;
  for (const grapheme of graphemes(text)) {
    ems += graphemeWidth(grapheme);
    count += 1;
  }
  return ems * size * width + letterSpacing * size * count;
}

/** Whether a grapheme may be broken after without a space, as Chinese and Japanese text is. */
function breaksAnywhere(grapheme: string): boolean {
  const script = scriptOf(grapheme.codePointAt(0) ?? 0);
  return script === 'han' || script === 'kana';
}

/** Splits text into the pieces lines may break between. */
function breakUnits(text: string): string[] {
  const units: string[] = [];
  let word = '';
  for (const grapheme of graphemes(text)) {
    if (/^\s+$/u.test(grapheme)) {
      if (word) units.push(word);
      word = '';
    } else if (breaksAnywhere(grapheme)) {
      if (word) units.push(word);
      units.push(grapheme);
      word = '';
    } else {
      word += grapheme;
    }
  }
  if (word) units.push(word);
  return units;
}

/**
 * Estimated number of lines text wraps to in `maxWidth`, filling lines
 * greedily as browsers do; a word longer than a line is broken across lines,
 * as `overflow-wrap: anywhere` does.
 */
export function lineCount(text: string, size: number, maxWidth: number, width: FontWidth = 1, letterSpacing = 0): number {
  const units = breakUnits(text);
  if (units.length === 0) return 0;
  const space = textWidth(' ', size, width, letterSpacing);
  let lines = 1;
  let used = 0;
  for (const unit of units) {
    const unitWidth = textWidth(unit, size, width, letterSpacing);
    const needsSpace = used > 0 && !breaksAnywhere(unit);
    if (used > 0 && used + (needsSpace ? space : 0) + unitWidth <= maxWidth) {
      used += (needsSpace ? space : 0) + unitWidth;
      continue;
    }
    if (used > 0) lines += 1;
    if (unitWidth <= maxWidth) {
      used = unitWidth;
    } else {
      const pieces = Math.ceil(unitWidth / maxWidth);
      lines += pieces - 1;
      used = unitWidth - (pieces - 1) * maxWidth;
    }
  }
  return lines;
}

/** The width of the longest piece of text a line cannot break inside without splitting a word. */
export function longestWordWidth(text: string, size: number, width: FontWidth = 1, letterSpacing = 0): number {
  return Math.max(0, ...breakUnits(text).map((unit) => textWidth(unit, size, width, letterSpacing)));
}

/** Estimates are within about 10% of Satori's measure; words keep this much room to spare, since splitting one looks broken. */
const WORD_MARGIN = 0.9;

/**
 * Whether every word of a text fits its line at `size`, with room to spare. A
 * word too long to fit even at `minSize` is let off: it will be broken
 * wherever it has to be.
 */
export function wordsFit(text: string, size: number, minSize: number, maxWidth: number, width: FontWidth = 1, letterSpacing = 0): boolean {
  return everyWordFits(text, size, maxWidth, width, letterSpacing) || !everyWordFits(text, minSize, maxWidth, width, letterSpacing);
}

/** Whether the longest word of a text fits its line at `size`, with room to spare. */
export function everyWordFits(text: string, size: number, maxWidth: number, width: FontWidth = 1, letterSpacing = 0): boolean {
  return longestWordWidth(text, size, width, letterSpacing) <= maxWidth * WORD_MARGIN;
}

export interface FitOptions {
  maxWidth: number;
  maxLines: number;
  maxSize: number;
  minSize: number;
  width?: FontWidth;
  letterSpacing?: number;
}

/**
 * The largest size, between minSize and maxSize, at which text fits in
 * maxLines lines of maxWidth. Below minSize the text would be too small to
 * read on the poster, so minSize is returned and more lines are allowed.
 */
export function fitSize(text: string, options: FitOptions): { size: number; lines: number } {
  const { maxWidth, maxLines, maxSize, minSize, width = 1, letterSpacing = 0 } = options;
  let size = maxSize;
  while (size > minSize) {
    const lines = lineCount(text, size, maxWidth, width, letterSpacing);
    if (lines <= maxLines && wordsFit(text, size, minSize, maxWidth, width, letterSpacing)) return { size, lines };
    size = Math.max(minSize, Math.floor(size * 0.94));
  }
  return { size: minSize, lines: lineCount(text, minSize, maxWidth, width, letterSpacing) };
}

/**
 * The largest value in [low, high] for which `fits` holds, assuming that a
 * smaller value fits whenever a larger one does. Returns `low` when even that
 * does not fit.
 */
export function largestFitting(low: number, high: number, fits: (value: number) => boolean): number {
  if (fits(high)) return high;
  if (!fits(low)) return low;
  let lo = low;
  let hi = high;
  while (hi - lo > 0.5) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return Math.floor(lo);
}

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;
const STRONG = /[\p{L}]/u;

/** Like `dir="auto"`: right to left when the first letter is Hebrew or Arabic. */
export function textDirection(text: string): 'ltr' | 'rtl' {
  for (const char of text) {
    if (!STRONG.test(char)) continue;
    return RTL.test(char) ? 'rtl' : 'ltr';
  }
  return 'ltr';
}
