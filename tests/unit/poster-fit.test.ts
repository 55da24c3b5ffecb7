import { describe, expect, it } from 'vitest';
import satori from 'satori';
import { fitSize, lineCount, textDirection, textWidth } from '../../src/poster/fit.ts';
import { FIT_MARKERS, posterLayout, type PosterInput, type PosterValue } from '../../src/poster/layout.ts';
import { nodeFonts } from '../../src/poster/node.ts';
import { baseFonts, fallbackLoader, renderSvg } from '../../src/poster/render.ts';
import { POSTER_SIZE_IDS, POSTER_SIZES } from '../../src/poster/sizes.ts';
import { POSTER_STYLE_IDS } from '../../src/poster/styles.ts';
import type { PosterElement } from '../../src/poster/tree.ts';

const SIXTY = 'Being fully present with the people I love, every single day';
const LONG_WORD = 'Unbelievablylongboldwordwithoutanyspacesatalltobreak';

const long: PosterValue[] = [
  { label: SIXTY, bold: LONG_WORD },
  { label: 'Creativity', bold: 'making things from nothing at all, again and again' },
  { label: 'Family', bold: 'Sunday dinners' },
  { label: 'Personal growth', bold: 'challenging myself' },
  { label: 'Autonomy' },
  { label: 'Honesty', bold: 'saying the hard thing kindly' },
  { label: 'Adventure', bold: 'the Camino' },
  { label: 'Health', bold: 'running' },
  { label: 'Making an impact', bold: 'that exists because of us' },
  { label: 'Friendship', bold: 'old friends' },
];
const twenty: PosterValue[] = Array.from({ length: 20 }, (_, index) => long[index % long.length]!);

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
  props: Record<string, unknown>;
  textContent?: string;
}

/** A copy of a tree with every font size doubled. */
function inflate<T>(node: T): T {
  if (Array.isArray(node)) return node.map(inflate) as T;
  if (!node || typeof node !== 'object') return node;
  const element = node as unknown as PosterElement;
  const style = element.props.style;
  const fontSize = style?.fontSize;
  return {
    ...element,
    props: { ...element.props, style: typeof fontSize === 'number' ? { ...style, fontSize: fontSize * 2 } : style, children: inflate(element.props.children) },
  } as T;
}

/** Lays the poster out with Satori and returns every box it placed. */
async function boxes(input: PosterInput): Promise<{ boxes: Box[]; width: number; height: number }> {
  const layout = posterLayout(input);
  const fonts = nodeFonts();
  const base = await baseFonts(layout, fonts);
  const found: Box[] = [];
  await satori(layout.tree as never, {
    width: layout.width,
    height: layout.height,
    fonts: base.loaded,
    loadAdditionalAsset: fallbackLoader(layout.fonts, fonts, { files: [], emoji: [] }),
    onNodeDetected: (node) => found.push(node as Box),
  });
  return { boxes: found, width: layout.width, height: layout.height };
}

describe('text estimates', () => {
  it('wraps at spaces and breaks a word longer than the line', () => {
    expect(lineCount('Family', 40, 1000)).toBe(1);
    expect(lineCount(SIXTY, 40, 400)).toBeGreaterThanOrEqual(3);
    expect(lineCount(LONG_WORD, 40, 300)).toBe(Math.ceil(textWidth(LONG_WORD, 40) / 300));
    expect(lineCount('家庭和睦家庭和睦', 100, 420)).toBe(2);
  });

  it('shrinks a title until it fits its lines, and no further than the minimum', () => {
    const short = fitSize('My values', { maxWidth: 800, maxLines: 2, maxSize: 90, minSize: 30 });
    expect(short).toEqual({ size: 90, lines: 1 });
    const longer = fitSize(SIXTY, { maxWidth: 800, maxLines: 2, maxSize: 90, minSize: 30 });
    expect(longer.size).toBeLessThan(90);
    expect(longer.lines).toBeLessThanOrEqual(2);
    expect(fitSize(SIXTY.repeat(4), { maxWidth: 200, maxLines: 1, maxSize: 90, minSize: 30 }).size).toBe(30);
  });

  it('reads the direction from the first letter', () => {
    expect(textDirection('123 שלום')).toBe('rtl');
    expect(textDirection('Family عائلة')).toBe('ltr');
  });
});

describe('long values', () => {
  it('set a 60-character value smaller than a short one', () => {
    expect(SIXTY).toHaveLength(60);
    const short = posterLayout({ values: [{ label: 'Calm' }, ...long.slice(1)], style: 'field' });
    const longer = posterLayout({ values: long, style: 'field' });
    expect(longer.metrics.labelSizes[0]!).toBeLessThan(short.metrics.labelSizes[0]!);
  });

  for (const style of POSTER_STYLE_IDS) {
    it(`stay inside the list and the canvas in the ${style} style, at every size`, async () => {
      for (const size of POSTER_SIZE_IDS) {
        for (const values of [long, twenty]) {
          const input = { values, topN: values.length, style, size, name: 'Maya Okafor-Lindqvist', title: 'The things that matter most to me, in order' };
          const layout = posterLayout(input);
          expect(layout.metrics.estimatedListHeight, `${size}: estimate`).toBeLessThanOrEqual(layout.metrics.listHeight + 0.5);
          const laid = await boxes(input);
          const list = laid.boxes.find((box) => box.props[FIT_MARKERS.list] !== undefined)!;
          const items = laid.boxes.filter((box) => box.props[FIT_MARKERS.item] !== undefined);
          expect(items, size).toHaveLength(values.length);
          for (const item of items) {
            const where = `${style} ${size} value ${String(item.props[FIT_MARKERS.item])}`;
            expect(item.top + item.height, where).toBeLessThanOrEqual(list.top + list.height + 1);
            expect(item.top, where).toBeGreaterThanOrEqual(list.top - 1);
            expect(item.left + item.width, where).toBeLessThanOrEqual(POSTER_SIZES[size].width);
          }
          for (const box of laid.boxes.filter((candidate) => candidate.textContent)) {
            expect(box.left + box.width, `${style} ${size} "${box.textContent}"`).toBeLessThanOrEqual(laid.width);
            expect(box.top + box.height, `${style} ${size} "${box.textContent}"`).toBeLessThanOrEqual(laid.height);
          }
        }
      }
    });
  }

  it('are shrunk again when the real text runs longer than estimated', async () => {
    const scales: number[] = [];
    const rendered = await renderSvg((scale) => {
      scales.push(scale);
      const layout = posterLayout({ values: twenty, topN: 20, style: 'paper', size: 'square', scale });
      // The first time, the text is drawn twice as large as the layout planned for, as if its estimate had been far off.
      return scales.length === 1 ? { ...layout, tree: inflate(layout.tree) } : layout;
    }, nodeFonts());
    expect(rendered.passes).toBeGreaterThan(1);
    expect(scales[1]).toBeLessThan(1);
  });

  it('are not shrunk when they fit', async () => {
    const rendered = await renderSvg((scale) => posterLayout({ values: long, topN: 10, style: 'field', size: 'pinterest', scale }), nodeFonts());
    expect(rendered.passes).toBe(1);
  });
});
