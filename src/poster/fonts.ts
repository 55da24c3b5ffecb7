/**
 * Which font files a poster needs, decided from its text alone.
 *
 * Every font comes from a Fontsource package, which splits each family into
 * subsets by Unicode range (`unicode.json` in the package). A poster loads the
 * subsets of its style's families that its text touches, plus a Noto family
 * for each script those families do not cover. Latin-only text therefore loads
 * only the Latin subset of the style's own fonts.
 *
 * This module does no I/O: the range tables are handed in, and the engines
 * (`nodeEngine` in src/poster/node.ts at build time, src/poster/browser/engine.ts
 * in the browser) fetch the files it names.
 */

export type FontStyle = 'normal' | 'italic';
export type FontWeight = 400 | 500 | 600 | 700 | 800;

export interface FamilySpec {
  /** The CSS family name, as Fontsource publishes it. */
  name: string;
  /** The npm package holding the files. */
  pkg: string;
  /** The weights this project ships for the family. */
  weights: readonly FontWeight[];
  /** Whether italic files are shipped. */
  italic: boolean;
  /**
   * The subsets this project ships, or `numbered` for the Chinese, Japanese and
   * Korean families, which Fontsource splits into about a hundred numbered slices.
   */
  subsets: readonly string[] | 'numbered';
}

export const FAMILIES = {
  inter: {
    name: 'Inter',
    pkg: '@fontsource/inter',
    weights: [400, 500, 600, 800],
    italic: false,
    subsets: ['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese'],
  },
  'source-serif-4': {
    name: 'Source Serif 4',
    pkg: '@fontsource/source-serif-4',
    weights: [400, 600],
    italic: true,
    subsets: ['latin', 'latin-ext', 'greek', 'cyrillic', 'cyrillic-ext', 'vietnamese'],
  },
  'noto-sans': {
    name: 'Noto Sans',
    pkg: '@fontsource/noto-sans',
    weights: [400, 700],
    italic: false,
    subsets: ['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese'],
  },
  'noto-sans-arabic': { name: 'Noto Sans Arabic', pkg: '@fontsource/noto-sans-arabic', weights: [400, 700], italic: false, subsets: ['arabic'] },
  'noto-sans-hebrew': { name: 'Noto Sans Hebrew', pkg: '@fontsource/noto-sans-hebrew', weights: [400, 700], italic: false, subsets: ['hebrew'] },
  'noto-sans-devanagari': {
    name: 'Noto Sans Devanagari',
    pkg: '@fontsource/noto-sans-devanagari',
    weights: [400, 700],
    italic: false,
    subsets: ['devanagari'],
  },
  'noto-sans-thai': { name: 'Noto Sans Thai', pkg: '@fontsource/noto-sans-thai', weights: [400, 700], italic: false, subsets: ['thai'] },
  // One weight each: the three families are about a hundred files per weight, and a
  // regular weight reads well at poster sizes. Bold text in these scripts uses it too.
  'noto-sans-sc': { name: 'Noto Sans SC', pkg: '@fontsource/noto-sans-sc', weights: [400], italic: false, subsets: 'numbered' },
  'noto-sans-jp': { name: 'Noto Sans JP', pkg: '@fontsource/noto-sans-jp', weights: [400], italic: false, subsets: 'numbered' },
  'noto-sans-kr': { name: 'Noto Sans KR', pkg: '@fontsource/noto-sans-kr', weights: [400], italic: false, subsets: 'numbered' },
} as const satisfies Record<string, FamilySpec>;

export type FamilyId = keyof typeof FAMILIES;

/** A family, weight and style a poster style asks for. */
export interface FontRequest {
  family: FamilyId;
  weight: FontWeight;
  style: FontStyle;
}

/** One file to load: a subset of a family at one weight and style. */
export interface FontFile {
  family: FamilyId;
  subset: string;
  weight: FontWeight;
  style: FontStyle;
}

/** A family's `unicode.json`: subset name to CSS unicode-range. */
export type RangeTable = Record<string, string>;

/** Parsed ranges, as [first, last] code point pairs. */
export type Ranges = Array<[number, number]>;

// A poster asks about the same few dozen range strings thousands of times while it fits its text.
const parsedRanges = new Map<string, Ranges>();

export function parseUnicodeRange(range: string): Ranges {
  const known = parsedRanges.get(range);
  if (known) return known;
  const out: Ranges = [];
  for (const part of range.split(',')) {
    const match = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!match?.[1]) continue;
    const first = Number.parseInt(match[1], 16);
    out.push([first, match[2] ? Number.parseInt(match[2], 16) : first]);
  }
  parsedRanges.set(range, out);
  return out;
}

function inRanges(cp: number, ranges: Ranges): boolean {
  for (const [first, last] of ranges) if (cp >= first && cp <= last) return true;
  return false;
}

/** The subset keys of a Fontsource `unicode.json` ("[12]" for numbered slices) as file-name parts ("12"). */
export function subsetFileKey(key: string): string {
  return key.replace(/^\[(\d+)\]$/, '$1');
}

/**
 * The name a subset file is registered under. Satori uses only the first font
 * of a given name and weight, so each subset needs a name of its own; the Latin
 * subset keeps the family's name.
 */
export function fontName(family: FamilyId, subset: string): string {
  const spec = FAMILIES[family];
  return subset === 'latin' ? spec.name : `${spec.name} ${subset}`;
}

/**
 * The CSS font-family stack for a family, listing its own subsets first so a
 * Greek letter in Inter text is drawn by Inter's Greek subset before any
 * fallback family.
 */
export function fontStack(family: FamilyId): string {
  const spec: FamilySpec = FAMILIES[family];
  const subsets = spec.subsets === 'numbered' ? [] : spec.subsets;
  return ['latin', ...subsets.filter((subset) => subset !== 'latin')].map((subset) => `'${fontName(family, subset)}'`).join(', ');
}

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

/** Whether a grapheme is drawn as an emoji image rather than with a font. */
export function isEmoji(grapheme: string): boolean {
  return EMOJI.test(grapheme);
}

// Made on first need: building a segmenter is a long task on a slow phone, and text
// made only of characters below U+0300 (the Latin letters and their accents) never needs one.
let segmenter: Intl.Segmenter | null | undefined;
const SIMPLE = /^[\x20-\u02ff]*$/;

function graphemeSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;
  return segmenter;
}

// Fitting a poster measures the same words over and over; keep the latest splits.
const split = new Map<string, readonly string[]>();
const SPLIT_LIMIT = 2000;

/** Splits text into user-perceived characters. */
export function graphemes(text: string): readonly string[] {
  const known = split.get(text);
  if (known) return known;
  // Below U+0300 there are no combining marks, joiners or surrogate pairs: each code point is a character.
  const segments = SIMPLE.test(text) ? null : graphemeSegmenter();
  const parts = segments ? Array.from(segments.segment(text), (part) => part.segment) : Array.from(text);
  if (split.size >= SPLIT_LIMIT) split.clear();
  split.set(text, parts);
  return parts;
}

/** The code points of text that need a font: no emoji, no spaces, no invisible joiners. */
export function textCodePoints(text: string): number[] {
  const seen = new Set<number>();
  for (const grapheme of graphemes(text)) {
    if (isEmoji(grapheme)) continue;
    for (const char of grapheme) {
      const cp = char.codePointAt(0) ?? 0;
      if (cp <= 0x20 || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || /\s/u.test(char)) continue;
      seen.add(cp);
    }
  }
  return [...seen].sort((a, b) => a - b);
}

export type Script = 'arabic' | 'hebrew' | 'devanagari' | 'thai' | 'kana' | 'hangul' | 'han' | 'other';

const SCRIPT_RANGES: Array<[Script, Ranges]> = [
  [
    'arabic',
    [
      [0x0600, 0x06ff],
      [0x0750, 0x077f],
      [0x0870, 0x08ff],
      [0xfb50, 0xfdff],
      [0xfe70, 0xfeff],
    ],
  ],
  [
    'hebrew',
    [
      [0x0590, 0x05ff],
      [0xfb1d, 0xfb4f],
    ],
  ],
  [
    'devanagari',
    [
      [0x0900, 0x097f],
      [0xa8e0, 0xa8ff],
    ],
  ],
  ['thai', [[0x0e00, 0x0e7f]]],
  [
    'kana',
    [
      [0x3040, 0x30ff],
      [0x31f0, 0x31ff],
      [0xff66, 0xff9f],
    ],
  ],
  [
    'hangul',
    [
      [0x1100, 0x11ff],
      [0x3130, 0x318f],
      [0xa960, 0xa97f],
      [0xac00, 0xd7ff],
    ],
  ],
  [
    'han',
    [
      [0x2e80, 0x2fdf],
      [0x3000, 0x303f],
      [0x3190, 0x31ef],
      [0x3200, 0x33ff],
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xf900, 0xfaff],
      [0xfe30, 0xfe4f],
      [0xff00, 0xffef],
      [0x20000, 0x3134f],
    ],
  ],
];

/** The script of a code point, as far as choosing a fallback font needs to know. */
export function scriptOf(cp: number): Script {
  for (const [script, ranges] of SCRIPT_RANGES) if (inRanges(cp, ranges)) return script;
  return 'other';
}

/**
 * The fallback families to try for a script, best first. Han characters are
 * drawn with the Japanese font when the text has kana, the Korean one when it
 * has Hangul, and the Simplified Chinese one otherwise; the others follow in
 * case the first lacks a character.
 */
export function fallbackFamilies(script: Script, context: { kana: boolean; hangul: boolean }): FamilyId[] {
  switch (script) {
    case 'arabic':
      return ['noto-sans-arabic'];
    case 'hebrew':
      return ['noto-sans-hebrew'];
    case 'devanagari':
      return ['noto-sans-devanagari'];
    case 'thai':
      return ['noto-sans-thai'];
    case 'kana':
      return ['noto-sans-jp'];
    case 'hangul':
      return ['noto-sans-kr'];
    case 'han':
      if (context.kana) return ['noto-sans-jp', 'noto-sans-sc', 'noto-sans-kr'];
      if (context.hangul) return ['noto-sans-kr', 'noto-sans-sc', 'noto-sans-jp'];
      return ['noto-sans-sc', 'noto-sans-jp', 'noto-sans-kr'];
    case 'other':
      return ['noto-sans'];
  }
}

/** The families whose range tables `planFonts` needs to decide, for text and a style's requests. */
export function familiesToConsult(text: string, requests: readonly FontRequest[]): FamilyId[] {
  const out = new Set<FamilyId>(requests.map((request) => request.family));
  const cps = textCodePoints(text);
  const context = scriptContext(cps);
  for (const cp of cps) for (const family of fallbackFamilies(scriptOf(cp), context)) out.add(family);
  return [...out];
}

function scriptContext(cps: number[]): { kana: boolean; hangul: boolean } {
  return { kana: cps.some((cp) => scriptOf(cp) === 'kana'), hangul: cps.some((cp) => scriptOf(cp) === 'hangul') };
}

function nearestWeight(weights: readonly FontWeight[], wanted: FontWeight): FontWeight {
  let best = weights[0] ?? 400;
  for (const weight of weights) if (Math.abs(weight - wanted) < Math.abs(best - wanted)) best = weight;
  return best;
}

/** The subsets of a family whose ranges include any of the code points. */
export function subsetsCovering(cps: readonly number[], table: RangeTable, shipped: FamilySpec['subsets']): string[] {
  const out: string[] = [];
  for (const [key, range] of Object.entries(table)) {
    const subset = subsetFileKey(key);
    if (shipped !== 'numbered' && !shipped.includes(subset)) continue;
    if (shipped === 'numbered' && !/^\d+$/.test(subset)) continue;
    const ranges = parseUnicodeRange(range);
    if (cps.some((cp) => inRanges(cp, ranges))) out.push(subset);
  }
  return out;
}

function covers(cp: number, table: RangeTable, shipped: FamilySpec['subsets']): boolean {
  return subsetsCovering([cp], table, shipped).length > 0;
}

export interface FontPlan {
  /** The files to load, the style's own families first, then fallbacks. */
  files: FontFile[];
  /** Code points no shipped font covers. */
  missing: number[];
}

/**
 * Decides which font files draw `text` for a style that asks for `requests`.
 *
 * - Each requested family loads its Latin subset, and every other subset the text touches.
 * - Code points none of the requested families cover go to a Noto family
 *   chosen by script, at the shipped weights nearest to those requested.
 * - With `fallbackOnly`, the requested families are skipped: Satori asks for a
 *   fallback only for text its loaded fonts could not draw.
 * - With `baseOnly`, only the requested families are planned; the rest is
 *   left to Satori's fallback hook.
 */
export function planFonts(
  text: string,
  requests: readonly FontRequest[],
  tables: Partial<Record<FamilyId, RangeTable>>,
  options: { fallbackOnly?: boolean; baseOnly?: boolean } = {},
): FontPlan {
  const cps = textCodePoints(text);
  const files: FontFile[] = [];
  const seen = new Set<string>();
  const add = (file: FontFile) => {
    const key = `${file.family}/${file.subset}/${file.weight}/${file.style}`;
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };

  let uncovered = cps;
  if (!options.fallbackOnly) {
    for (const request of requests) {
      const spec: FamilySpec = FAMILIES[request.family];
      const table = tables[request.family] ?? {};
      const weight = nearestWeight(spec.weights, request.weight);
      const style = request.style === 'italic' && spec.italic ? 'italic' : 'normal';
      for (const subset of ['latin', ...subsetsCovering(cps, table, spec.subsets).filter((subset) => subset !== 'latin')]) {
        add({ family: request.family, subset, weight, style });
      }
    }
    uncovered = cps.filter((cp) => !requests.some((request) => covers(cp, tables[request.family] ?? {}, FAMILIES[request.family].subsets)));
  }

  if (options.baseOnly) return { files, missing: [] };
  const context = scriptContext(cps);
  const weights = [...new Set(requests.map((request) => request.weight))];
  const missing: number[] = [];
  for (const cp of uncovered) {
    const family = fallbackFamilies(scriptOf(cp), context).find((candidate) => covers(cp, tables[candidate] ?? {}, FAMILIES[candidate].subsets));
    if (!family) {
      missing.push(cp);
      continue;
    }
    const spec: FamilySpec = FAMILIES[family];
    for (const subset of subsetsCovering([cp], tables[family] ?? {}, spec.subsets)) {
      for (const weight of new Set(weights.map((wanted) => nearestWeight(spec.weights, wanted)))) add({ family, subset, weight, style: 'normal' });
    }
  }
  return { files, missing };
}

/** The file name of a subset in its Fontsource package's `files/` folder. */
export function fontFileName(file: FontFile): string {
  const id = FAMILIES[file.family].pkg.replace('@fontsource/', '');
  return `${id}-${file.subset}-${file.weight}-${file.style}.woff2`;
}
