import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAMILIES, fontCss, fontStack, overrides } from '../../scripts/lib/font-css.ts';

describe('page fonts and their fallbacks', () => {
  it('src/styles/fonts.css is what the font files give now (run `npm run fonts` after updating a font package)', async () => {
    expect(readFileSync('src/styles/fonts.css', 'utf8')).toBe(await fontCss());
  });

  it('leaves a fallback with the same metrics as it is', () => {
    const metrics = { ascent: 1900, descent: -500, lineGap: 0, unitsPerEm: 2048, xWidthAvg: 900 };
    expect(overrides(metrics, metrics)).toEqual({ sizeAdjust: 1, ascent: 1900 / 2048, descent: 500 / 2048, lineGap: 0 });
  });

  it('scales a narrower fallback up and takes its line height from the web font', () => {
    const web = { ascent: 1000, descent: -250, lineGap: 100, unitsPerEm: 1000, xWidthAvg: 500 };
    const narrow = { ascent: 700, descent: -300, lineGap: 0, unitsPerEm: 2000, xWidthAvg: 500 };
    const fit = overrides(web, narrow);
    expect(fit.sizeAdjust).toBe(2);
    // The overrides apply to the scaled font: scaled back, they are the web font's own.
    expect(fit.ascent * fit.sizeAdjust).toBe(1);
    expect(fit.descent * fit.sizeAdjust).toBe(0.25);
    expect(fit.lineGap * fit.sizeAdjust).toBeCloseTo(0.1);
  });

  it('gives every face of every page font a scaled fallback on each local font, and lists them before the generic families', async () => {
    const css = await fontCss();
    for (const family of FAMILIES) {
      for (const local of family.fallbacks) {
        const name = `${family.family} fallback: `;
        const faces = css.split('@font-face').filter((rule) => rule.includes(`font-family: '${name}`) && rule.includes(`local('${local.regular[0]}')`));
        expect(faces.length, `${family.family} on ${local.regular[0]}`).toBe(1);
      }
      const rules = css.split('@font-face').filter((rule) => rule.includes(`font-family: '${family.family} fallback: `));
      expect(rules).toHaveLength(family.faces.length * family.fallbacks.length);
      for (const rule of rules)
        expect(rule).toMatch(
          /size-adjust: \d+(\.\d+)?%;[\s\S]*ascent-override: \d+(\.\d+)?%;[\s\S]*descent-override: \d+(\.\d+)?%;[\s\S]*line-gap-override: \d+(\.\d+)?%;/,
        );
    }
    expect(fontStack('Inter', ['sans-serif'])).toBe("Inter, 'Inter fallback: Arial', 'Inter fallback: Roboto', 'Inter fallback: Noto Sans', sans-serif");
  });
});
