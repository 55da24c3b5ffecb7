/**
 * The values poster: data in, Satori element tree out.
 *
 * One layout serves the build-time poster (src/poster/node.ts), the Open Graph
 * image, and the live poster in the client's browser. It is pure: no React
 * state, no I/O, the same tree for the same data.
 */
import { fontStack, type FontRequest } from './fonts.ts';
import { everyWordFits, fitSize, largestFitting, lineCount, textDirection, wordsFit, WIDTH, type FontWidth } from './fit.ts';
import { clampTopN, DEFAULT_TITLE } from './options.ts';
import { DEFAULT_SIZE, POSTER_SIZES, safeArea, type PosterSizeId } from './sizes.ts';
import { DEFAULT_STYLE, POSTER_STYLES, type PosterPalette, type PosterStyleId } from './styles.ts';
import { h, treeText, withProps, type PosterElement } from './tree.ts';

export { clampTopN, DEFAULT_TITLE, DEFAULT_TOP_N, MIN_TOP_N } from './options.ts';

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

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Capitals for the small-caps lines: Greek drops its accents in capitals, as Greek typesetting does. */
export function capitals(text: string): string {
  return /[\u0370-\u03ff\u1f00-\u1fff]/u.test(text) ? text.toLocaleUpperCase('el') : text.toUpperCase();
}

/** Marks an element as one value's block, so renderers can check it stays inside the list. */
const ITEM = 'data-poster-item';
/** Marks the list's box. */
const LIST = 'data-poster-list';
export const FIT_MARKERS = { item: ITEM, list: LIST } as const;

interface Frame {
  width: number;
  height: number;
  /** One thousandth of the shorter side: every length is a multiple of it. */
  u: number;
  top: number;
  bottom: number;
  side: number;
  innerWidth: number;
}

function frameFor(size: PosterSizeId): Frame {
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
function textBlock(text: string, style: Record<string, string | number>): PosterElement {
  const dir = textDirection(text);
  return withProps(h('div', { display: 'block', overflowWrap: 'break-word', direction: dir, ...style }, text), { dir });
}

/**
 * Balanced lines for text whose every word fits the line. Satori's balancing
 * also splits words when overflow-wrap allows it, so text with a word too long
 * for the line wraps plainly and breaks that word instead.
 */
function balance(text: string, size: number, maxWidth: number, font: FontWidth, letterSpacing = 0): Record<string, string> {
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

/** Builds the poster for the given data. */
export function posterLayout(input: PosterInput): PosterLayout {
  const styleId = input.style ?? DEFAULT_STYLE;
  const size = input.size ?? DEFAULT_SIZE;
  const values = input.values
    .map((value) => {
      const label = clean(value.label);
      const bold = clean(value.bold);
      // A value's chain starts with its own name; marked bold, it would only say the name twice.
      return { label, bold: bold === '' || bold.toLocaleLowerCase() === label.toLocaleLowerCase() ? null : bold };
    })
    .filter((value) => value.label !== '');
  const shown = values.slice(0, clampTopN(input.topN, values.length));
  const title = clean(input.title) || DEFAULT_TITLE;
  const name = clean(input.name);
  const frame = frameFor(size);
  const scale = Math.min(1, Math.max(0.3, input.scale ?? 1));
  const args: StyleArgs = { shown, title, name, frame, scale, palette: POSTER_STYLES[styleId].palette };
  const built = styleId === 'field' ? fieldPoster(args) : styleId === 'compass' ? compassPoster(args) : paperPoster(args);
  return {
    tree: built.tree,
    width: frame.width,
    height: frame.height,
    fonts: [...POSTER_STYLES[styleId].fonts],
    text: treeText(built.tree),
    shown,
    metrics: built.metrics,
  };
}

interface StyleArgs {
  shown: PosterValue[];
  title: string;
  name: string;
  frame: Frame;
  scale: number;
  palette: PosterPalette;
}

interface Built {
  tree: PosterElement;
  metrics: PosterLayout['metrics'];
}

/** One value's block, measured and drawn at a base size and a column width. */
interface ItemSpec {
  /** The value name's font size at a base size. */
  label: (base: number) => number;
  /** Estimated height of the block. */
  height: (base: number, width: number) => number;
  /** Its lines of text, so no size is chosen at which a word has to be split. */
  runs: (base: number, width: number) => TextRun[];
  draw: (base: number, width: number) => PosterElement;
}

interface TextRun {
  text: string;
  size: number;
  maxWidth: number;
  font: FontWidth;
  letterSpacing?: number;
}

interface ListFit {
  base: number;
  columns: 1 | 2;
  columnWidth: number;
  estimatedHeight: number;
}

interface ListBox {
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

function splitColumns<T>(items: T[], columns: 1 | 2): T[][] {
  if (columns === 1) return [items];
  const first = Math.ceil(items.length / 2);
  return [items.slice(0, first), items.slice(first)];
}

function estimatedHeight(items: ItemSpec[], base: number, columns: 1 | 2, columnWidth: number, gap: number): number {
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
function fitList(items: ItemSpec[], box: ListBox): ListFit {
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

function metricsOf(items: ItemSpec[], fit: ListFit, listHeight: number, titleSize: number): PosterLayout['metrics'] {
  return { labelSizes: items.map((item) => item.label(fit.base)), titleSize, listHeight, estimatedListHeight: fit.estimatedHeight, columns: fit.columns };
}

/** Title sizes step down as the list grows, leaving the values the room. */
function titleScale(count: number): number {
  return count <= 5 ? 1 : count <= 8 ? 0.85 : 0.72;
}

function rootStyle(frame: Frame, palette: PosterPalette, fontFamily: string, extra: Record<string, string | number> = {}): Record<string, string | number> {
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

// ---------------------------------------------------------------- Paper ---

/**
 * A rectangular frame `inset` from the edges, drawn as four plain bars: a
 * bordered box becomes a clipped layer in the SVG, which costs resvg a
 * full-canvas pass.
 */
function frameRules(inset: number, thickness: number, color: string): PosterElement[] {
  const bar = (style: Record<string, number>) => h('div', { position: 'absolute', backgroundColor: color, ...style });
  return [
    bar({ top: inset, left: inset, right: inset, height: thickness }),
    bar({ bottom: inset, left: inset, right: inset, height: thickness }),
    bar({ top: inset, bottom: inset, left: inset, width: thickness }),
    bar({ top: inset, bottom: inset, right: inset, width: thickness }),
  ];
}

function paperPoster({ shown, title, name, frame, scale, palette }: StyleArgs): Built {
  const { u, height, innerWidth } = frame;
  const serif = fontStack('source-serif-4');
  const textWidth = innerWidth - 40 * u;
  const shrink = titleScale(shown.length);

  const titleFit = fitSize(title, { maxWidth: textWidth, maxLines: 2, maxSize: 92 * u * shrink, minSize: 40 * u, width: WIDTH.serifItalic });
  const nameFit = name
    ? fitSize(capitals(name), { maxWidth: textWidth, maxLines: 2, maxSize: 26 * u, minSize: 18 * u, width: WIDTH.serifRegular, letterSpacing: 0.18 })
    : null;
  const headerHeight = titleFit.lines * titleFit.size * 1.1 + (nameFit ? 22 * u + nameFit.lines * nameFit.size * 1.3 : 0) + 40 * u * shrink + 14 * u;
  const footerHeight = 30 * u;
  const margin = 48 * u * shrink;
  const listHeight = height - frame.top - frame.bottom - headerHeight - footerHeight - 2 * margin;

  const rankSize = (base: number) => Math.max(6 * u, base * 0.34);
  const items: ItemSpec[] = shown.map((value, index) => {
    const label = (base: number) => base * (index === 0 ? 1.22 : 1);
    const boldSize = (base: number) => label(base) * 0.52;
    return {
      label,
      height: (base, width) => {
        const size = label(base);
        const bold = value.bold ? lineCount(value.bold, boldSize(base), width, WIDTH.serifItalic) * boldSize(base) * 1.25 + base * 0.06 : 0;
        return rankSize(base) * 1.3 + base * 0.08 + lineCount(value.label, size, width, WIDTH.serifSemibold) * size * 1.1 + bold;
      },
      runs: (base, width) => [
        { text: value.label, size: label(base), maxWidth: width, font: WIDTH.serifSemibold },
        { text: value.bold ?? '', size: boldSize(base), maxWidth: width, font: WIDTH.serifItalic },
      ],
      draw: (base, width) =>
        h(
          'div',
          { display: 'flex', flexDirection: 'column', alignItems: 'center', flexShrink: 0, width, textAlign: 'center' },
          h(
            'div',
            { fontSize: rankSize(base), letterSpacing: '0.2em', color: palette.accent, fontWeight: 600, marginBottom: base * 0.08, lineHeight: 1.3 },
            roman(index + 1),
          ),
          textBlock(value.label, {
            fontSize: label(base),
            lineHeight: 1.1,
            fontWeight: 600,
            color: palette.text,
            width,
            ...balance(value.label, label(base), width, WIDTH.serifSemibold),
          }),
          value.bold
            ? textBlock(value.bold, {
                fontSize: boldSize(base),
                lineHeight: 1.25,
                fontStyle: 'italic',
                fontWeight: 400,
                color: palette.soft,
                marginTop: base * 0.06,
                width,
              })
            : null,
        ),
    };
  });
  const box: ListBox = {
    width: textWidth,
    height: listHeight,
    gap: (base) => base * 0.62,
    columnGap: 40 * u,
    range: [5 * u, 92 * u],
    scale,
    twoColumnsFrom: 4,
  };
  const fit = fitList(items, box);

  const ornament = (wide: number) =>
    h(
      'div',
      { display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 14 * u },
      h('div', { width: wide, height: 2 * u, backgroundColor: palette.decor }),
      h('div', { width: 12 * u, height: 12 * u, backgroundColor: palette.accent, transform: 'rotate(45deg)' }),
      h('div', { width: wide, height: 2 * u, backgroundColor: palette.decor }),
    );

  const tree = h(
    'div',
    rootStyle(frame, palette, serif, { alignItems: 'center' }),
    ...frameRules(36 * u, 3 * u, palette.decor),
    ...frameRules(50 * u, 1.2 * u, palette.decor),
    h(
      'div',
      { display: 'flex', flexDirection: 'column', alignItems: 'center', textAlign: 'center', flexShrink: 0, width: textWidth },
      textBlock(title, {
        fontSize: titleFit.size,
        lineHeight: 1.1,
        fontStyle: 'italic',
        fontWeight: 400,
        color: palette.text,
        width: textWidth,
        ...balance(title, titleFit.size, textWidth, WIDTH.serifItalic),
      }),
      nameFit
        ? textBlock(capitals(name), {
            fontSize: nameFit.size,
            lineHeight: 1.3,
            letterSpacing: '0.18em',
            color: palette.accent,
            fontWeight: 400,
            marginTop: 22 * u,
            width: textWidth,
          })
        : null,
      h('div', { display: 'flex', marginTop: 40 * u * shrink }, ornament(70 * u)),
    ),
    h('div', { display: 'flex', flexShrink: 0, marginTop: margin, marginBottom: margin }, listElement(items, fit, box, 'center')),
    h('div', { display: 'flex', flexShrink: 0, height: footerHeight, alignItems: 'center' }, ornament(40 * u)),
  );
  return { tree, metrics: metricsOf(items, fit, listHeight, titleFit.size) };
}

// ---------------------------------------------------------- Colour field ---

function fieldPoster({ shown, title, name, frame, scale, palette }: StyleArgs): Built {
  const { u, width, height, innerWidth } = frame;
  const sans = fontStack('inter');
  const eyebrow = capitals(title);
  const titleFit = fitSize(eyebrow, { maxWidth: innerWidth, maxLines: 2, maxSize: 38 * u, minSize: 24 * u, width: WIDTH.sansHeavy, letterSpacing: 0.16 });
  const nameFit = name ? fitSize(name, { maxWidth: innerWidth, maxLines: 2, maxSize: 40 * u, minSize: 24 * u, width: WIDTH.sansRegular }) : null;
  const headerHeight = titleFit.lines * titleFit.size * 1.2 + (nameFit ? 14 * u + nameFit.lines * nameFit.size * 1.25 : 0) + 36 * u + 8 * u;
  const margin = 64 * u * titleScale(shown.length);
  const listHeight = height - frame.top - frame.bottom - headerHeight - margin - 20 * u;

  const rankColumn = (base: number) => Math.max(34 * u, base * 0.95);
  const rankSize = (base: number) => Math.max(10 * u, base * 0.42);
  const factor = (index: number) => (index === 0 ? 1.45 : index < 3 ? 1.12 : 1);
  const items: ItemSpec[] = shown.map((value, index) => {
    const label = (base: number) => base * factor(index);
    const boldSize = (base: number) => Math.max(7 * u, label(base) * 0.36);
    const bold = value.bold ? capitals(value.bold) : '';
    return {
      label,
      height: (base, width) => {
        const size = label(base);
        const textWidth = width - rankColumn(base);
        const boldHeight = bold ? base * 0.1 + lineCount(bold, boldSize(base), textWidth, WIDTH.sansRegular, 0.12) * boldSize(base) * 1.25 : 0;
        return lineCount(value.label, size, textWidth, WIDTH.sansHeavy, -0.02) * size * 1.05 + boldHeight;
      },
      runs: (base, width) => [
        { text: value.label, size: label(base), maxWidth: width - rankColumn(base), font: WIDTH.sansHeavy, letterSpacing: -0.02 },
        { text: bold, size: boldSize(base), maxWidth: width - rankColumn(base), font: WIDTH.sansRegular, letterSpacing: 0.12 },
      ],
      draw: (base, width) =>
        h(
          'div',
          { display: 'flex', flexDirection: 'row', alignItems: 'flex-start', flexShrink: 0, width },
          h(
            'div',
            {
              width: rankColumn(base),
              flexShrink: 0,
              fontSize: rankSize(base),
              fontWeight: 800,
              color: palette.accent,
              paddingTop: label(base) * 0.14,
              lineHeight: 1,
            },
            String(index + 1).padStart(2, '0'),
          ),
          h(
            'div',
            { display: 'flex', flexDirection: 'column', width: width - rankColumn(base), flexShrink: 0 },
            textBlock(value.label, {
              fontSize: label(base),
              lineHeight: 1.05,
              fontWeight: 800,
              letterSpacing: '-0.02em',
              color: palette.text,
              textAlign: 'left',
            }),
            bold
              ? textBlock(bold, {
                  fontSize: boldSize(base),
                  lineHeight: 1.25,
                  fontWeight: 500,
                  letterSpacing: '0.12em',
                  color: palette.soft,
                  marginTop: base * 0.1,
                  textAlign: 'left',
                })
              : null,
          ),
        ),
    };
  });
  const box: ListBox = {
    width: innerWidth,
    height: listHeight,
    gap: (base) => base * 0.55,
    columnGap: 48 * u,
    range: [5 * u, 110 * u],
    scale,
    twoColumnsFrom: 6,
  };
  const fit = fitList(items, box);

  const tree = h(
    'div',
    rootStyle(frame, palette, sans),
    h('div', {
      position: 'absolute',
      width: width * 1.05,
      height: width * 1.05,
      right: -width * 0.42,
      top: -width * 0.3,
      borderRadius: '50%',
      backgroundColor: palette.decorSoft,
    }),
    h('div', {
      position: 'absolute',
      width: width * 0.8,
      height: width * 0.8,
      left: -width * 0.38,
      bottom: -width * 0.36,
      borderRadius: '50%',
      border: `${3 * u}px solid ${palette.decor}`,
    }),
    h(
      'div',
      { display: 'flex', flexDirection: 'column', flexShrink: 0, width: innerWidth, position: 'relative' },
      textBlock(eyebrow, { fontSize: titleFit.size, lineHeight: 1.2, fontWeight: 800, letterSpacing: '0.16em', color: palette.accent }),
      nameFit ? textBlock(name, { fontSize: nameFit.size, lineHeight: 1.25, fontWeight: 500, color: palette.soft, marginTop: 14 * u }) : null,
      h('div', { width: 120 * u, height: 8 * u, backgroundColor: palette.accent, marginTop: 36 * u }),
    ),
    h('div', { display: 'flex', flexShrink: 0, marginTop: margin, marginBottom: 20 * u }, listElement(items, fit, box, 'flex-start')),
  );
  return { tree, metrics: metricsOf(items, fit, listHeight, titleFit.size) };
}

// --------------------------------------------------------------- Compass ---

/** Where each rank sits on the compass: 1 in the middle, then ring by ring from the north, clockwise. */
export function compassPositions(count: number): Array<{ ring: number; angle: number }> {
  const rings = [1, 3, 5, 11];
  const out: Array<{ ring: number; angle: number }> = [];
  let rank = 0;
  for (let ring = 0; ring < rings.length && rank < count; ring += 1) {
    const slots = Math.min(rings[ring]!, count - rank);
    const offset = ring % 2 === 0 ? 0 : 180 / Math.max(1, slots);
    for (let slot = 0; slot < slots; slot += 1) {
      out.push({ ring, angle: ring === 0 ? 0 : -90 + offset + (360 / slots) * slot });
      rank += 1;
    }
  }
  return out;
}

function compassDisc(count: number, disc: number, u: number, palette: PosterPalette, sans: string): PosterElement {
  const positions = compassPositions(count);
  const ringRadii = [0, 0.2, 0.33, 0.46].map((part) => part * disc);
  const markerSize = [0.17, 0.085, 0.075, 0.064].map((part) => part * disc);
  return h(
    'div',
    { display: 'flex', position: 'relative', width: disc, height: disc, flexShrink: 0 },
    h('div', {
      position: 'absolute',
      left: disc * 0.02,
      top: disc * 0.02,
      width: disc * 0.96,
      height: disc * 0.96,
      borderRadius: '50%',
      backgroundColor: palette.decorSoft,
    }),
    ...ringRadii.slice(1).map((radius, ring) =>
      h('div', {
        position: 'absolute',
        left: disc / 2 - radius,
        top: disc / 2 - radius,
        width: radius * 2,
        height: radius * 2,
        borderRadius: '50%',
        border: `${(ring === 2 ? 3 : 1.5) * u}px ${ring === 1 ? 'dashed' : 'solid'} ${palette.decor}`,
      }),
    ),
    h('div', { position: 'absolute', left: disc / 2 - 0.75 * u, top: disc * 0.02, width: 1.5 * u, height: disc * 0.96, backgroundColor: palette.decor }),
    h('div', { position: 'absolute', top: disc / 2 - 0.75 * u, left: disc * 0.02, height: 1.5 * u, width: disc * 0.96, backgroundColor: palette.decor }),
    h('div', {
      position: 'absolute',
      left: disc / 2 - disc * 0.03,
      top: -disc * 0.005,
      width: disc * 0.06,
      height: disc * 0.06,
      backgroundColor: palette.accent,
      transform: 'rotate(45deg)',
    }),
    ...positions.map((position, index) => {
      const radius = ringRadii[position.ring] ?? 0;
      const size = markerSize[position.ring] ?? 0;
      const angle = (position.angle * Math.PI) / 180;
      const cx = disc / 2 + radius * Math.cos(angle);
      const cy = disc / 2 + radius * Math.sin(angle);
      // A ring of the disc's colour keeps each marker clear of the lines it sits on.
      const ring = size * 0.12;
      return h(
        'div',
        {
          position: 'absolute',
          left: cx - size / 2 - ring,
          top: cy - size / 2 - ring,
          width: size + 2 * ring,
          height: size + 2 * ring,
          boxSizing: 'border-box',
          border: `${ring}px solid ${palette.decorSoft}`,
          borderRadius: '50%',
          backgroundColor: palette.accent,
          color: palette.onAccent,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          fontFamily: sans,
          fontWeight: 600,
          fontSize: size * 0.5,
        },
        String(index + 1),
      );
    }),
  );
}

function compassPoster({ shown, title, name, frame, scale, palette }: StyleArgs): Built {
  const { u, height, innerWidth } = frame;
  const sans = fontStack('inter');
  const serif = fontStack('source-serif-4');
  const innerHeight = height - frame.top - frame.bottom;
  const sideBySide = frame.width / height > 0.9;
  const shrink = titleScale(shown.length);

  const titleFit = fitSize(title, { maxWidth: innerWidth, maxLines: 2, maxSize: 76 * u * shrink, minSize: 36 * u, width: WIDTH.serifSemibold });
  const nameFit = name
    ? fitSize(capitals(name), { maxWidth: innerWidth, maxLines: 2, maxSize: 26 * u, minSize: 18 * u, width: WIDTH.sansRegular, letterSpacing: 0.2 })
    : null;
  const headerHeight = titleFit.lines * titleFit.size * 1.1 + (nameFit ? 16 * u + nameFit.lines * nameFit.size * 1.3 : 0);
  const bodyTop = 56 * u * shrink;
  const bodyHeight = innerHeight - headerHeight - bodyTop;
  const discGap = 56 * u * shrink;
  const disc = sideBySide ? Math.min(bodyHeight, innerWidth * 0.44) : Math.min(innerWidth * 0.8, bodyHeight * (shown.length > 8 ? 0.36 : 0.44));
  const legendWidth = sideBySide ? innerWidth - disc - 60 * u : innerWidth;
  const listHeight = sideBySide ? bodyHeight : bodyHeight - disc - discGap;

  const dot = (base: number) => Math.max(12 * u, base * 0.95);
  const items: ItemSpec[] = shown.map((value, index) => {
    const label = (base: number) => base * (index === 0 ? 1.18 : 1);
    const boldSize = (base: number) => label(base) * 0.62;
    const textWidthOf = (base: number, width: number) => width - dot(base) - 22 * u;
    return {
      label,
      height: (base, width) => {
        const size = label(base);
        const textWidth = textWidthOf(base, width);
        const bold = value.bold ? 2 * u + lineCount(value.bold, boldSize(base), textWidth, WIDTH.serifItalic) * boldSize(base) * 1.25 : 0;
        return Math.max(dot(base), lineCount(value.label, size, textWidth, WIDTH.sansSemibold) * size * 1.12 + bold);
      },
      runs: (base, width) => [
        { text: value.label, size: label(base), maxWidth: textWidthOf(base, width), font: WIDTH.sansSemibold },
        { text: value.bold ?? '', size: boldSize(base), maxWidth: textWidthOf(base, width), font: WIDTH.serifItalic },
      ],
      draw: (base, width) =>
        h(
          'div',
          { display: 'flex', flexDirection: 'row', alignItems: 'flex-start', gap: 22 * u, flexShrink: 0, width },
          h(
            'div',
            {
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              width: dot(base),
              height: dot(base),
              flexShrink: 0,
              borderRadius: '50%',
              backgroundColor: palette.accent,
              color: palette.onAccent,
              fontWeight: 600,
              fontSize: dot(base) * 0.5,
              marginTop: Math.max(0, (label(base) * 1.12 - dot(base)) / 2),
            },
            String(index + 1),
          ),
          h(
            'div',
            { display: 'flex', flexDirection: 'column', width: textWidthOf(base, width), flexShrink: 0 },
            textBlock(value.label, { fontSize: label(base), lineHeight: 1.12, fontWeight: 600, color: palette.text, textAlign: 'left' }),
            value.bold
              ? textBlock(value.bold, {
                  fontSize: boldSize(base),
                  lineHeight: 1.25,
                  fontStyle: 'italic',
                  fontWeight: 400,
                  color: palette.soft,
                  marginTop: 2 * u,
                  fontFamily: serif,
                  textAlign: 'left',
                })
              : null,
          ),
        ),
    };
  });
  const box: ListBox = {
    width: legendWidth,
    height: listHeight,
    gap: (base) => base * 0.5,
    columnGap: 40 * u,
    range: [5 * u, 64 * u],
    scale,
    twoColumnsFrom: sideBySide ? 0 : 6,
  };
  const fit = fitList(items, box);
  const compass = compassDisc(shown.length, disc, u, palette, sans);
  const list = listElement(items, fit, box, 'flex-start');

  const header = h(
    'div',
    { display: 'flex', flexDirection: 'column', alignItems: 'center', textAlign: 'center', flexShrink: 0, width: innerWidth },
    textBlock(title, {
      fontSize: titleFit.size,
      lineHeight: 1.1,
      fontWeight: 600,
      color: palette.text,
      fontFamily: serif,
      width: innerWidth,
      ...balance(title, titleFit.size, innerWidth, WIDTH.serifSemibold),
    }),
    nameFit
      ? textBlock(capitals(name), {
          fontSize: nameFit.size,
          lineHeight: 1.3,
          letterSpacing: '0.2em',
          fontWeight: 400,
          color: palette.accent,
          marginTop: 16 * u,
          width: innerWidth,
        })
      : null,
  );

  const body = sideBySide
    ? h(
        'div',
        { display: 'flex', flexDirection: 'row', alignItems: 'center', gap: 60 * u, flexShrink: 0, height: bodyHeight, marginTop: bodyTop, width: innerWidth },
        compass,
        list,
      )
    : h(
        'div',
        { display: 'flex', flexDirection: 'column', alignItems: 'center', gap: discGap, flexShrink: 0, marginTop: bodyTop, width: innerWidth },
        compass,
        list,
      );

  const tree = h('div', rootStyle(frame, palette, sans, { alignItems: 'center' }), header, body);
  return { tree, metrics: metricsOf(items, fit, listHeight, titleFit.size) };
}

// ------------------------------------------------------ Open Graph image ---

export const OPEN_GRAPH_SIZE = { width: 1200, height: 630 } as const;

export interface OpenGraphInput {
  /** The workbook's title. */
  title: string;
  /** The coach's name. No client data ever goes on this image. */
  coach: string;
}

/** The link-preview image: the workbook's title and the coach's name, in the Paper style. */
export function openGraphLayout(input: OpenGraphInput): PosterLayout {
  const palette = POSTER_STYLES.paper.palette;
  const { width, height } = OPEN_GRAPH_SIZE;
  const serif = fontStack('source-serif-4');
  const title = clean(input.title) || 'Workbook';
  const coach = clean(input.coach);
  const titleFit = fitSize(title, { maxWidth: 900, maxLines: 2, maxSize: 84, minSize: 40, width: WIDTH.serifSemibold });
  const coachLine = coach ? `WITH ${capitals(coach)}` : '';
  const coachFit = fitSize(coachLine, { maxWidth: 900, maxLines: 1, maxSize: 26, minSize: 16, width: WIDTH.serifRegular, letterSpacing: 0.18 });
  const rule = (wide: number) => h('div', { width: wide, height: 2, backgroundColor: palette.decor });
  const tree = h(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      alignItems: 'center',
      justifyContent: 'center',
      width,
      height,
      backgroundColor: palette.background,
      fontFamily: serif,
      color: palette.text,
      position: 'relative',
      textAlign: 'center',
    },
    ...frameRules(28, 3, palette.decor),
    ...frameRules(40, 1.2, palette.decor),
    h(
      'div',
      { display: 'flex', alignItems: 'center', gap: 14, marginBottom: 36 },
      rule(70),
      h('div', { width: 12, height: 12, backgroundColor: palette.accent, transform: 'rotate(45deg)' }),
      rule(70),
    ),
    textBlock(title, { fontSize: titleFit.size, lineHeight: 1.1, fontWeight: 600, maxWidth: 900, ...balance(title, titleFit.size, 900, WIDTH.serifSemibold) }),
    coachLine ? textBlock(coachLine, { fontSize: coachFit.size, letterSpacing: '0.18em', color: palette.accent, marginTop: 30, fontWeight: 400 }) : null,
  );
  return {
    tree,
    width,
    height,
    fonts: [
      { family: 'source-serif-4', weight: 600, style: 'normal' },
      { family: 'source-serif-4', weight: 400, style: 'normal' },
    ],
    text: treeText(tree),
    shown: [],
    metrics: { labelSizes: [], titleSize: titleFit.size, listHeight: 0, estimatedListHeight: 0, columns: 1 },
  };
}
