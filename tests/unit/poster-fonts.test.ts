import { beforeAll, describe, expect, it } from 'vitest';
import {
  FAMILIES,
  fallbackFamilies,
  fontFileName,
  graphemes,
  parseUnicodeRange,
  planFonts,
  scriptOf,
  textCodePoints,
  type FamilyId,
  type FontFile,
  type FontRequest,
  type RangeTable,
} from '../../src/poster/fonts.ts';
import { emojiCodes, emojiGroup } from '../../src/poster/emoji.ts';
import { emojiGroupJson, emojiGroups } from '../../src/poster/emoji-files.ts';
import { nodeEngine } from '../../src/poster/node.ts';
import { PosterFonts, renderSvg, type PosterEngine } from '../../src/poster/render.ts';
import { posterLayout } from '../../src/poster/layout.ts';
import { POSTER_STYLES } from '../../src/poster/styles.ts';

const serif = POSTER_STYLES.paper.fonts as readonly FontRequest[];
const tables: Partial<Record<FamilyId, RangeTable>> = {};

beforeAll(async () => {
  for (const family of Object.keys(FAMILIES) as FamilyId[]) tables[family] = await nodeEngine.ranges(family);
});

const describeFile = (file: FontFile) => `${file.family}:${file.subset}`;
const families = (files: FontFile[]) => [...new Set(files.map((file) => file.family))];

function covers(family: FamilyId, subset: string, text: string): boolean {
  const key = Object.keys(tables[family] ?? {}).find((name) => name === subset || name === `[${subset}]`);
  const ranges = parseUnicodeRange(tables[family]?.[key ?? ''] ?? '');
  return textCodePoints(text).every((cp) => ranges.some(([first, last]) => cp >= first && cp <= last));
}

describe('planFonts', () => {
  it('loads only the Latin subset of the style fonts for Latin text, accents included', () => {
    const plan = planFonts('Honesty, Créativité, Ça va, Zoë', serif, tables);
    expect(plan.files.map(describeFile)).toEqual(['source-serif-4:latin', 'source-serif-4:latin', 'source-serif-4:latin']);
    expect(plan.missing).toEqual([]);
  });

  it("uses the style font's own subsets for Latin Extended, Greek and Cyrillic", () => {
    const plan = planFonts('Łódź Ωμέγα Семья', serif, tables);
    expect(new Set(plan.files.map(describeFile))).toEqual(
      new Set(['source-serif-4:latin', 'source-serif-4:latin-ext', 'source-serif-4:greek', 'source-serif-4:cyrillic']),
    );
    expect(families(plan.files)).toEqual(['source-serif-4']);
  });

  it.each([
    ['Arabic', 'عائلة', 'noto-sans-arabic'],
    ['Hebrew', 'משפחה', 'noto-sans-hebrew'],
    ['Devanagari', 'परिवार', 'noto-sans-devanagari'],
    ['Thai', 'ครอบครัว', 'noto-sans-thai'],
    ['Chinese', '家庭和睦', 'noto-sans-sc'],
    ['Japanese', 'かぞくと家', 'noto-sans-jp'],
    ['Korean', '가족', 'noto-sans-kr'],
  ] as const)('picks the Noto subsets that cover %s', (_script, text, family) => {
    const plan = planFonts(`Family ${text}`, serif, tables);
    const fallback = plan.files.filter((file) => file.family === family);
    expect(fallback.length).toBeGreaterThan(0);
    expect(families(plan.files)).toEqual(['source-serif-4', family]);
    const subsets = [...new Set(fallback.map((file) => file.subset))];
    for (const char of text)
      expect(
        subsets.some((subset) => covers(family, subset, char)),
        `${char} in ${subsets.join(',')}`,
      ).toBe(true);
    expect(plan.missing).toEqual([]);
  });

  it('loads a fallback at the shipped weights nearest to the ones the style asks for', () => {
    const plan = planFonts('عائلة', POSTER_STYLES.field.fonts, tables);
    expect(plan.files.filter((file) => file.family === 'noto-sans-arabic').map((file) => file.weight)).toEqual([700, 400]);
    const cjk = planFonts('家', POSTER_STYLES.field.fonts, tables);
    expect(cjk.files.filter((file) => file.family === 'noto-sans-sc').map((file) => file.weight)).toEqual([400]);
  });

  it('leaves emoji to images', () => {
    expect(textCodePoints('Joy 🌱 👩🏽‍🚀 🇳🇿')).toEqual(textCodePoints('Joy'));
    expect(planFonts('Joy 🌱', serif, tables).files.map(describeFile)).toEqual(planFonts('Joy', serif, tables).files.map(describeFile));
  });

  it('with fallbackOnly, plans only the fallback for text the loaded fonts could not draw', () => {
    const plan = planFonts('עברית', serif, tables, { fallbackOnly: true });
    expect(families(plan.files)).toEqual(['noto-sans-hebrew']);
  });

  it('chooses Chinese, Japanese or Korean forms of Han characters from the text around them', () => {
    expect(fallbackFamilies(scriptOf('家'.codePointAt(0)!), { kana: false, hangul: false })[0]).toBe('noto-sans-sc');
    expect(fallbackFamilies('han', { kana: true, hangul: false })[0]).toBe('noto-sans-jp');
    expect(fallbackFamilies('han', { kana: false, hangul: true })[0]).toBe('noto-sans-kr');
  });

  it('names files the way Fontsource does', () => {
    expect(fontFileName({ family: 'noto-sans-jp', subset: '12', weight: 400, style: 'normal' })).toBe('noto-sans-jp-12-400-normal.woff2');
    expect(fontFileName({ family: 'source-serif-4', subset: 'latin', weight: 400, style: 'italic' })).toBe('source-serif-4-latin-400-italic.woff2');
  });
});

describe('emoji', () => {
  it('finds the Twemoji file for single emoji, joined sequences, flags and keycaps', () => {
    expect(emojiCodes('🌱')[0]).toBe('1f331');
    expect(emojiCodes('❤️')[0]).toBe('2764');
    expect(emojiCodes('👩🏽‍🚀')[0]).toBe('1f469-1f3fd-200d-1f680');
    expect(emojiCodes('🇳🇿')[0]).toBe('1f1f3-1f1ff');
    expect(emojiCodes('#️⃣')).toContain('23-20e3');
  });

  it('groups skin-tone sequences apart from the plain emoji', () => {
    expect(emojiGroup('1f331')).toBe('1f33');
    expect(emojiGroup('1f469-1f3fd-200d-1f680')).toBe('1f46-1f3fd');
  });

  it('writes each group the browser fetches with the SVG of every emoji in it, and no group that does not exist', async () => {
    const groups = await emojiGroups();
    expect(groups.get('1f33')).toContain('1f331');
    const group = JSON.parse((await emojiGroupJson('1f33')) ?? '{}') as Record<string, string>;
    expect(Object.keys(group).sort()).toEqual([...(groups.get('1f33') ?? [])].sort());
    expect(group['1f331']).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(await emojiGroupJson('../package')).toBeUndefined();
  });
});

/** The node engine, recording every font file and emoji it is asked for. */
function recordingEngine(): { engine: PosterEngine; fetched: string[] } {
  const fetched: string[] = [];
  return {
    fetched,
    engine: {
      ...nodeEngine,
      fontFile: (file) => {
        fetched.push(describeFile(file));
        return nodeEngine.fontFile(file);
      },
      emojiSvg: (code) => {
        fetched.push(`emoji:${code}`);
        return nodeEngine.emojiSvg(code);
      },
    },
  };
}

describe('font fallback during a render', () => {
  it('loads no extra fonts for a Latin-only poster', async () => {
    const { engine, fetched } = recordingEngine();
    await renderSvg(
      (scale) => posterLayout({ values: [{ label: 'Creativity', bold: 'making' }, { label: 'Family' }, { label: 'Zoë' }], style: 'compass', scale }),
      new PosterFonts(engine),
    );
    expect(new Set(fetched)).toEqual(new Set(['inter:latin', 'source-serif-4:latin']));
  });

  it("asks Satori's hook for the scripts on the poster, and draws emoji as images", async () => {
    const { engine, fetched } = recordingEngine();
    const result = await renderSvg(
      (scale) => posterLayout({ values: [{ label: 'Familie 🌱' }, { label: 'עברית' }, { label: '家庭' }], style: 'field', scale }),
      new PosterFonts(engine),
    );
    // Satori asks for each script as it meets it, so the order is not fixed; the set is.
    expect(families(result.fontFiles).sort()).toEqual(['inter', 'noto-sans-hebrew', 'noto-sans-sc']);
    expect(fetched).toContain('emoji:1f331');
    expect(fetched.some((name) => name.startsWith('noto-sans-arabic'))).toBe(false);
    expect(result.emoji).toEqual(['🌱']);
    expect(result.svg).toMatch(/<image[^>]+href="data:image\/svg\+xml;base64,/);
  });

  it('a missing font file is a one-line error naming the file', async () => {
    const engine: PosterEngine = { ...nodeEngine, fontFile: () => nodeEngine.fontFile({ family: 'inter', subset: 'klingon', weight: 400, style: 'normal' }) };
    await expect(renderSvg((scale) => posterLayout({ values: [{ label: 'Calm' }], style: 'field', scale }), new PosterFonts(engine))).rejects.toThrow(
      /^error: node_modules\/@fontsource\/inter\/files\/inter-klingon-400-normal\.woff2: \(file\): expected the Inter font file \(klingon, weight 400, normal\), found no file$/,
    );
  });
});

describe('graphemes', () => {
  it('splits what a reader counts as one character, in Latin text and beyond it', () => {
    expect(graphemes('Café')).toEqual(['C', 'a', 'f', 'é']);
    // The same word with the accent as a separate combining mark is still four characters.
    expect(graphemes('Cafe\u0301')).toEqual(['C', 'a', 'f', 'e\u0301']);
    expect(graphemes('家族👨‍👩‍👧')).toEqual(['家', '族', '👨‍👩‍👧']);
    expect(graphemes('🇯🇵 ok')).toEqual(['🇯🇵', ' ', 'o', 'k']);
    expect(graphemes('नमस्ते')).toHaveLength(3);
  });
});
