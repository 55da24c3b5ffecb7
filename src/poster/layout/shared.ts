/**
 * What every poster style shares: the types of the layout's input and output,
 * the frame of each size, text blocks, and fitting the list of values into its box.
 */
import { type FontRequest } from '../fonts.ts';
import { everyWordFits, largestFitting, textDirection, wordsFit, type FontWidth } from '../fit.ts';
import { POSTER_SIZES, safeArea, type PosterSizeId } from '../sizes.ts';
import { type PosterPalette, type PosterStyleId } from '../styles.ts';
import { h, withProps, type PosterElement } from '../tree.ts';

/** One value on the poster. */
export interface PosterValue {
  /** The value's name, in the client's words. */
  label: string;
  /** The word or phrase from its chain the client marked bold, if any. */
  bold?: string | null;
}

export interface PosterInput {
  /** All of the client's values, most important first. */
  values: readonly PosterValue[];
  /** How many values to show: 3 up to all of them (fewer only when there are fewer). Defaults to 5. */
  topN?: number;
  /** The line at the top. Defaults to "My values". */
  title?: string;
  /** The client's name, when they choose to show it. */
  name?: string;
  style?: PosterStyleId;
  size?: PosterSizeId;
  /**
   * Shrinks the values below the size the layout estimates will fit (1 = as
   * estimated). Renderers lower it when the real text came out longer.
   */
  scale?: number;
}

export interface PosterLayout {
  tree: PosterElement;
  width: number;
  height: number;
  /** The fonts the tree is set in. */
  fonts: FontRequest[];
  /** All the text on the poster, for choosing font subsets. */
  text: string;
  /** The values shown, most important first. */
  shown: PosterValue[];
  /** The sizes the layout chose, for tests and tuning. */
  metrics: { labelSizes: number[]; titleSize: number; listHeight: number; estimatedListHeight: number; columns: 1 | 2 };
}

export function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Capitals for the small-caps lines: Greek drops its accents in capitals, as Greek typesetting does. */
export function capitals(text: string): string {
  return /[\u0370-\u03ff\u1f00-\u1fff]/u.test(text) ? text.toLocaleUpperCase('el') : text.toUpperCase();
}

/** Marks an element as one value's block, so renderers can check it stays inside the list. */
export const ITEM = 'data-poster-item';
/** Marks the list's box. */
export const LIST = 'data-poster-list';
export const FIT_MARKERS = { item: ITEM, list: LIST } as const;

export interface Frame {
  width: number;
  height: number;
  /** One thousandth of the shorter side: every length is a multiple of it. */
  u: number;
  top: number;
  bottom: number;
  side: number;
  innerWidth: number;
}

export function frameFor(size: PosterSizeId): Frame {
  const { width, height } = POSTER_SIZES[size];
  const u = Math.min(width, height) / 1000;
  const safe = safeArea(size);
  const side = 96 * u;
  const top = Math.max(100 * u, safe.top * height + 40 * u);
  const bottom = Math.max(100 * u, safe.bottom * height + 40 * u);
  return { width, height, u, top, bottom, side, innerWidth: width - 2 * side };
}

/**
 * A block of text in its own direction. In the left-aligned styles, values
 * keep `textAlign: 'left'` so a right-to-left value stays beside its number.
 */
export function textBlock(text: string, style: Record<string, string | number>): PosterElement {
  const dir = textDirection(text);
  return withProps(h('div', { display: 'block', overflowWrap: 'break-word', direction: dir, ...style }, text), { dir });
}

/**
 * Balanced lines for text whose every word fits the line. Satori's balancing
 * also splits words when overflow-wrap allows it, so text with a word too long
 * for the line wraps plainly and breaks that word instead.
 */
/**
 * The word that sums a value up, under its name: in the palette's soft colour,
 * at the size the style gives it, in the style's own type. Nothing when the
 * client has marked no word.
 */
export function boldWord(text: string | null | undefined, size: number, palette: PosterPalette, style: Record<string, string | number>): PosterElement | null {
  return text ? textBlock(text, { fontSize: size, lineHeight: 1.25, color: palette.soft, ...style }) : null;
}

export function balance(text: string, size: number, maxWidth: number, font: FontWidth, letterSpacing = 0): Record<string, string> {
  return everyWordFits(text, size, maxWidth, font, letterSpacing) ? { textWrap: 'balance', overflowWrap: 'normal' } : { overflowWrap: 'break-word' };
}

const ROMAN: Array<[number, string]> = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function roman(value: number): string {
  let rest = value;
  let out = '';
  for (const [amount, letters] of ROMAN) {
    while (rest >= amount) {
      out += letters;
      rest -= amount;
    }
  }
  return out;
}

export interface StyleArgs {
  shown: PosterValue[];
  title: string;
  name: string;
  frame: Frame;
  scale: number;
  palette: PosterPalette;
}

export interface Built {
  tree: PosterElement;
  metrics: PosterLayout['metrics'];
}

/** One value's block, measured and drawn at a base size and a column width. */
export interface ItemSpec {
  /** The value name's font size at a base size. */
  label: (base: number) => number;
  /** Estimated height of the block. */
  height: (base: number, width: number) => number;
  /** Its lines of text, so no size is chosen at which a word has to be split. */
  runs: (base: number, width: number) => TextRun[];
  draw: (base: number, width: number) => PosterElement;
}

export interface TextRun {
  text: string;
  size: number;
  maxWidth: number;
  font: FontWidth;
  letterSpacing?: number;
}

export interface ListFit {
  base: number;
  columns: 1 | 2;
  columnWidth: number;
  estimatedHeight: number;
}

export interface ListBox {
  width: number;
  height: number;
  gap: (base: number) => number;
  columnGap: number;
  /** The smallest and largest base size to consider. */
  range: [number, number];
  scale: number;
  /** The fewest values that may be set in two columns, when that lets them be larger; 0 for never. */
  twoColumnsFrom: number;
}

export function splitColumns<T>(items: T[], columns: 1 | 2): T[][] {
  if (columns === 1) return [items];
  const first = Math.ceil(items.length / 2);
  return [items.slice(0, first), items.slice(first)];
}

export function estimatedHeight(items: ItemSpec[], base: number, columns: 1 | 2, columnWidth: number, gap: number): number {
  return Math.max(
    ...splitColumns(items, columns).map(
      (column) => column.reduce((sum, item) => sum + item.height(base, columnWidth), 0) + gap * Math.max(0, column.length - 1),
    ),
  );
}

/**
 * The largest base size at which every value fits the list's box, in one
 * column or, when it makes the values clearly larger, two.
 */
export function fitList(items: ItemSpec[], box: ListBox): ListFit {
  const attempt = (columns: 1 | 2): ListFit => {
    const columnWidth = columns === 1 ? box.width : (box.width - box.columnGap) / 2;
    const smallest = items.map((item) => item.runs(box.range[0], columnWidth));
    const whole = (base: number) =>
      items.every((item, index) =>
        item
          .runs(base, columnWidth)
          .every((run, line) => wordsFit(run.text, run.size, smallest[index]![line]!.size, run.maxWidth, run.font, run.letterSpacing ?? 0)),
      );
    const fits = (base: number) => estimatedHeight(items, base, columns, columnWidth, box.gap(base)) <= box.height && whole(base);
    const base = largestFitting(box.range[0], box.range[1], fits) * box.scale;
    return { base, columns, columnWidth, estimatedHeight: estimatedHeight(items, base, columns, columnWidth, box.gap(base)) };
  };
  const one = attempt(1);
  if (box.twoColumnsFrom === 0 || items.length < box.twoColumnsFrom) return one;
  const two = attempt(2);
  const fitsOne = one.estimatedHeight <= box.height;
  const fitsTwo = two.estimatedHeight <= box.height;
  if (fitsOne && fitsTwo) return two.base >= one.base * 1.2 ? two : one;
  if (fitsOne || fitsTwo) return fitsOne ? one : two;
  return two.estimatedHeight < one.estimatedHeight ? two : one;
}

/** The values, most important first, down one column or two. */
function listElement(items: ItemSpec[], fit: ListFit, box: ListBox, align: 'center' | 'flex-start'): PosterElement {
  const gap = box.gap(fit.base);
  const column = (members: ItemSpec[], offset: number) =>
    h(
      'div',
      { display: 'flex', flexDirection: 'column', alignItems: align, justifyContent: 'center', gap, width: fit.columnWidth, flexShrink: 0 },
      ...members.map((item, index) => withProps(item.draw(fit.base, fit.columnWidth), { [ITEM]: offset + index + 1 })),
    );
  const columns = splitColumns(items, fit.columns);
  const body =
    fit.columns === 1
      ? column(items, 0)
      : h(
          'div',
          { display: 'flex', flexDirection: 'row', alignItems: align === 'center' ? 'center' : 'flex-start', gap: box.columnGap, width: box.width },
          column(columns[0]!, 0),
          column(columns[1]!, columns[0]!.length),
        );
  return withProps(
    h(
      'div',
      {
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'center',
        alignItems: align,
        width: box.width,
        height: box.height,
        flexShrink: 0,
        position: 'relative',
      },
      body,
    ),
    { [LIST]: true },
  );
}

export interface FittedList {
  /** The list, to place on the poster. */
  list: PosterElement;
  /** What the layout reports of its sizes, with the title's. */
  metrics: (titleSize: number) => PosterLayout['metrics'];
}

/** The values fitted into their box and laid out, aligned to one side or centred. */
export function fittedList(items: ItemSpec[], box: ListBox, align: 'center' | 'flex-start'): FittedList {
  const fit = fitList(items, box);
  return {
    list: listElement(items, fit, box, align),
    metrics: (titleSize) => ({
      labelSizes: items.map((item) => item.label(fit.base)),
      titleSize,
      listHeight: box.height,
      estimatedListHeight: fit.estimatedHeight,
      columns: fit.columns,
    }),
  };
}

/** Title sizes step down as the list grows, leaving the values the room. */
export function titleScale(count: number): number {
  return count <= 5 ? 1 : count <= 8 ? 0.85 : 0.72;
}

export function rootStyle(
  frame: Frame,
  palette: PosterPalette,
  fontFamily: string,
  extra: Record<string, string | number> = {},
): Record<string, string | number> {
  return {
    display: 'flex',
    flexDirection: 'column',
    width: frame.width,
    height: frame.height,
    boxSizing: 'border-box',
    paddingTop: frame.top,
    paddingBottom: frame.bottom,
    paddingLeft: frame.side,
    paddingRight: frame.side,
    backgroundColor: palette.background,
    fontFamily,
    color: palette.text,
    position: 'relative',
    ...extra,
  };
}

/**
 * A rectangular frame `inset` from the edges, drawn as four plain bars: a
 * bordered box becomes a clipped layer in the SVG, which costs resvg a
 * full-canvas pass.
 */
export function frameRules(inset: number, thickness: number, color: string): PosterElement[] {
  const bar = (style: Record<string, number>) => h('div', { position: 'absolute', backgroundColor: color, ...style });
  return [
    bar({ top: inset, left: inset, right: inset, height: thickness }),
    bar({ bottom: inset, left: inset, right: inset, height: thickness }),
    bar({ top: inset, bottom: inset, left: inset, width: thickness }),
    bar({ top: inset, bottom: inset, right: inset, width: thickness }),
  ];
}
