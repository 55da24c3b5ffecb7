import { describe, expect, it } from 'vitest';
import {
  capitals,
  clampTopN,
  compassPositions,
  DEFAULT_TITLE,
  FIT_MARKERS,
  openGraphLayout,
  posterLayout,
  roman,
  type PosterValue,
} from '../../src/poster/layout.ts';
import { POSTER_SIZE_IDS, POSTER_SIZES } from '../../src/poster/sizes.ts';
import { POSTER_STYLE_IDS, POSTER_STYLES, textColourPairs } from '../../src/poster/styles.ts';
import { contrastRatio } from '../../src/poster/contrast.ts';
import { findByData, treeText, type PosterChild } from '../../src/poster/tree.ts';

const values: PosterValue[] = [
  { label: 'Family', bold: 'Sunday dinners' },
  { label: 'Creativity', bold: 'making things' },
  { label: 'Personal growth', bold: null },
  { label: 'Autonomy' },
  { label: 'Honesty', bold: 'saying it kindly' },
  { label: 'Adventure', bold: 'the Camino' },
  { label: 'Health', bold: 'running' },
];

/** The text of each value block, in the order the tree draws them. */
function drawnValues(tree: PosterChild): string[] {
  return findByData(tree, FIT_MARKERS.item).map((item) => treeText(item).replace(/\s+/g, ' ').trim());
}

describe('posterLayout', () => {
  it('draws the top five values in rank order by default, each with its bold word', () => {
    const layout = posterLayout({ values });
    expect(layout.shown.map((value) => value.label)).toEqual(['Family', 'Creativity', 'Personal growth', 'Autonomy', 'Honesty']);
    expect(drawnValues(layout.tree)).toEqual([
      'I Family Sunday dinners',
      'II Creativity making things',
      'III Personal growth',
      'IV Autonomy',
      'V Honesty saying it kindly',
    ]);
    expect(layout.text).toContain(DEFAULT_TITLE);
    expect(layout.text).not.toContain('Adventure');
    expect([layout.width, layout.height]).toEqual([1000, 1500]);
  });

  it('shows the chosen number of values, from three up to all', () => {
    expect(posterLayout({ values, topN: 3 }).shown).toHaveLength(3);
    expect(posterLayout({ values, topN: 7 }).shown).toHaveLength(7);
    expect(posterLayout({ values, topN: 1 }).shown).toHaveLength(3);
    expect(posterLayout({ values, topN: 40 }).shown).toHaveLength(7);
    expect(clampTopN(5, 2)).toBe(2);
    expect(clampTopN(Number.NaN, 9)).toBe(5);
  });

  it('puts the title and the name on the poster only as given', () => {
    const named = posterLayout({ values, title: 'What matters  to me', name: 'Maya Okafor', style: 'field' });
    expect(named.text).toContain('WHAT MATTERS TO ME');
    expect(named.text).toContain('Maya Okafor');
    expect(drawnValues(named.tree)[0]).toBe('01 Family SUNDAY DINNERS');
    const anonymous = posterLayout({ values, style: 'compass' });
    expect(anonymous.text).not.toContain('Maya');
    expect(anonymous.text).toContain('My values');
  });

  it('leaves out blank values and trims what the client typed', () => {
    const layout = posterLayout({ values: [{ label: '  Calm\n ' }, { label: '   ' }, { label: 'Joy', bold: '  ' }], topN: 5 });
    expect(layout.shown).toEqual([
      { label: 'Calm', bold: null },
      { label: 'Joy', bold: null },
    ]);
  });

  it('has the exact canvas of every size in every style', () => {
    for (const style of POSTER_STYLE_IDS) {
      for (const size of POSTER_SIZE_IDS) {
        const layout = posterLayout({ values, style, size });
        expect([layout.width, layout.height]).toEqual([POSTER_SIZES[size].width, POSTER_SIZES[size].height]);
        expect(layout.tree.props.style).toMatchObject({ width: POSTER_SIZES[size].width, height: POSTER_SIZES[size].height, boxSizing: 'border-box' });
        expect(layout.fonts).toEqual(POSTER_STYLES[style].fonts);
      }
    }
  });

  it('keeps a phone wallpaper clear of the lock-screen clock', () => {
    const phone = posterLayout({ values, size: 'phone' });
    expect(Number(phone.tree.props.style?.paddingTop)).toBeGreaterThanOrEqual(0.2 * POSTER_SIZES.phone.height);
  });

  it('is the same tree for the same data', () => {
    expect(JSON.stringify(posterLayout({ values, style: 'compass', size: 'square' }))).toBe(
      JSON.stringify(posterLayout({ values, style: 'compass', size: 'square' })),
    );
  });

  it('sets right-to-left values right to left', () => {
    const layout = posterLayout({ values: [{ label: 'משפחה', bold: 'בית' }, { label: 'Family' }, { label: 'عائلة' }] });
    const directions = findByData(layout.tree, 'dir').map((element) => [treeText(element), element.props.dir]);
    expect(directions).toContainEqual(['משפחה', 'rtl']);
    expect(directions).toContainEqual(['عائلة', 'rtl']);
    expect(directions).toContainEqual(['Family', 'ltr']);
  });

  it('balances lines only where no word has to be split, since Satori would split one to balance', () => {
    for (const style of POSTER_STYLE_IDS) {
      for (const size of POSTER_SIZE_IDS) {
        const layout = posterLayout({
          values: [...values, { label: 'Unbelievablylongboldwordwithoutanyspacesatall' }],
          topN: 8,
          style,
          size,
          title: 'Supercalifragilisticexpialidociousnessitude',
        });
        for (const element of findByData(layout.tree, 'dir')) {
          const style = element.props.style ?? {};
          if (style.textWrap === 'balance') expect(style.overflowWrap, treeText(element)).toBe('normal');
          else expect(style.overflowWrap, treeText(element)).toBe('break-word');
        }
      }
    }
  });

  it('places rank 1 at the compass centre and the rest on rings from the north', () => {
    const positions = compassPositions(9);
    expect(positions[0]).toEqual({ ring: 0, angle: 0 });
    expect(positions.slice(1, 4).every((position) => position.ring === 1)).toBe(true);
    expect(positions.slice(4).every((position) => position.ring === 2)).toBe(true);
    expect(positions[1]!.angle).not.toBe(positions[4]!.angle);
    expect(compassPositions(20)).toHaveLength(20);
  });

  it('sets Greek capitals without accents, as Greek typesetting does', () => {
    expect(capitals('Ελευθερία')).toBe('ΕΛΕΥΘΕΡΙΑ');
    expect(capitals('Sunday dinners')).toBe('SUNDAY DINNERS');
  });

  it('numbers the Paper style in roman numerals', () => {
    expect([1, 4, 9, 14, 20].map(roman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XX']);
  });
});

describe('poster styles', () => {
  it('are at least three', () => {
    expect(POSTER_STYLE_IDS.length).toBeGreaterThanOrEqual(3);
  });

  it.each(POSTER_STYLE_IDS)('%s passes WCAG AA contrast (4.5:1) for every text colour', (style) => {
    for (const pair of textColourPairs(POSTER_STYLES[style])) {
      expect(contrastRatio(pair.foreground, pair.background), `${style} ${pair.role}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('openGraphLayout', () => {
  it('holds only the workbook title and the coach name', () => {
    const layout = openGraphLayout({ title: 'Your values workbook', coach: 'Jordan Ellis' });
    expect([layout.width, layout.height]).toEqual([1200, 630]);
    expect(layout.text.replace(/\s+/g, ' ').trim()).toBe('Your values workbook WITH JORDAN ELLIS');
  });
});
