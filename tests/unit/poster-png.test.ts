import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { nodeEngine, renderOpenGraphPng, renderPosterPng } from '../../src/poster/node.ts';
import { FAMILIES, type FamilyId } from '../../src/poster/fonts.ts';
import { posterLayout, type PosterValue } from '../../src/poster/layout.ts';
import { openGraphImage } from '../../src/poster/open-graph.ts';
import { PosterFonts, renderSvg } from '../../src/poster/render.ts';
import { POSTER_SIZES, type PosterSizeId } from '../../src/poster/sizes.ts';
import type { PosterStyleId } from '../../src/poster/styles.ts';

const themes: PosterValue[] = ['Creativity', 'Family', 'Personal growth', 'Autonomy', 'Honesty', 'Adventure', 'Health', 'Making an impact', 'Friendship'].map(
  (label) => ({ label }),
);

/** The number of different colours in a PNG, and whether its size header matches what was asked for. */
function inspect(png: Buffer): { width: number; height: number; colours: number; background: number; headerWidth: number; headerHeight: number } {
  const decoded = PNG.sync.read(png);
  const counts = new Map<number, number>();
  for (let i = 0; i < decoded.data.length; i += 4) {
    const colour = decoded.data.readUInt32BE(i);
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
  }
  return {
    width: decoded.width,
    height: decoded.height,
    colours: counts.size,
    background: Math.max(...counts.values()) / (decoded.width * decoded.height),
    headerWidth: png.readUInt32BE(16),
    headerHeight: png.readUInt32BE(20),
  };
}

describe('the build-time poster', () => {
  it.each([
    ['paper', 'pinterest'],
    ['field', 'phone'],
    ['compass', 'square'],
    ['paper', 'a4'],
    ['field', 'letter'],
  ] as Array<[PosterStyleId, PosterSizeId]>)('%s at %s is a PNG of exactly that size, and not blank', async (style, size) => {
    const { png } = await renderPosterPng({ values: themes, style, size });
    const seen = inspect(png);
    expect([seen.headerWidth, seen.headerHeight]).toEqual([POSTER_SIZES[size].width, POSTER_SIZES[size].height]);
    expect([seen.width, seen.height]).toEqual([POSTER_SIZES[size].width, POSTER_SIZES[size].height]);
    // Anti-aliased type gives dozens of colours, and covers a good part of the canvas; a blank image has one colour.
    expect(seen.colours).toBeGreaterThan(30);
    expect(seen.background).toBeLessThan(0.98);
  });

  it('draws non-Latin values and emoji with real glyphs, not missing-glyph boxes', async () => {
    const values: PosterValue[] = [
      { label: '家族 🌱', bold: '家' },
      { label: 'Семья', bold: 'дом' },
      { label: 'عائلة', bold: 'بيت' },
      { label: 'משפחה' },
      { label: 'Ωμέγα' },
    ];
    const build = (scale: number) => posterLayout({ values, style: 'paper', size: 'square', scale });
    const real = await renderSvg(build, new PosterFonts(nodeEngine));
    // The same poster when the fallback fonts cannot be found: Satori draws its missing-glyph box instead.
    const base = new Set<FamilyId>(['source-serif-4']);
    const tofu = await renderSvg(
      build,
      new PosterFonts({
        ...nodeEngine,
        ranges: (family) => (base.has(family) ? nodeEngine.ranges(family) : Promise.resolve({})),
        emojiSvg: () => Promise.resolve(undefined),
      }),
    );
    expect(real.svg).not.toBe(tofu.svg);
    expect(new Set(real.fontFiles.map((file) => file.family))).toEqual(new Set(['source-serif-4', 'noto-sans-sc', 'noto-sans-arabic', 'noto-sans-hebrew']));
    expect(real.emoji).toEqual(['🌱']);
    expect(tofu.fontFiles.every((file) => file.family === 'source-serif-4')).toBe(true);
    expect(Object.keys(FAMILIES)).toContain('noto-sans-sc');
  });
});

describe('the link-preview image', () => {
  // A client as pages see it: the image is made from this, and must show nothing of the client.
  const coach = { name: 'Jordan Ellis', email: 'jordan@example.com', baseUrl: 'https://coach.example/workbooks' };
  const maya = { name: 'Maya Okafor', greeting: 'Maya', workbook: 'values', coach, themes: [{ id: 'faith-1', name: 'Faith', evidence: ['my mosque'] }] };

  it('is 1200 by 630, not blank, and shows the workbook and coach but nothing of the client', async () => {
    const image = openGraphImage('Your values workbook', maya);
    const { png, layout } = await renderOpenGraphPng(image);
    const seen = inspect(png);
    expect([seen.headerWidth, seen.headerHeight, seen.width, seen.height]).toEqual([1200, 630, 1200, 630]);
    expect(seen.colours).toBeGreaterThan(30);
    expect(seen.background).toBeLessThan(0.98);
    expect(layout.text).toContain('Your values workbook');
    expect(layout.text).toMatch(/jordan ellis/i);
    expect(layout.text).not.toMatch(/maya|okafor|faith|mosque/i);
  });

  it('is one image for every client of the same workbook and coach, and another for another coach', () => {
    const boris = { ...maya, name: 'Boris Ivanov', themes: [] };
    expect(openGraphImage('Your values workbook', boris).key).toBe(openGraphImage('Your values workbook', maya).key);
    expect(openGraphImage('Your values workbook', { ...boris, coach: { ...coach, name: 'Sam Lee' } }).key).not.toBe(
      openGraphImage('Your values workbook', maya).key,
    );
    expect(openGraphImage(undefined, { ...maya, workbook: 'goals' }).title).toBe('Goals workbook');
  });
});
