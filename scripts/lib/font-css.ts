import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import arial from '@capsizecss/metrics/arial';
import georgia from '@capsizecss/metrics/georgia';
import notoSans from '@capsizecss/metrics/notoSans';
import notoSerif from '@capsizecss/metrics/notoSerif';
import roboto from '@capsizecss/metrics/roboto';
import timesNewRoman from '@capsizecss/metrics/timesNewRoman';
import { fromBuffer } from '@capsizecss/unpack';
import { format, resolveConfig } from 'prettier';

/** The metrics a fallback needs: the font's vertical metrics, em size and average lowercase width. */
interface Metrics {
  ascent: number;
  descent: number;
  lineGap: number;
  unitsPerEm: number;
  xWidthAvg: number;
}

/** One face of a web font the pages use, as Fontsource ships it. */
export interface WebFace {
  /** The Fontsource package. */
  package: string;
  /** Its stylesheet for this face, such as `400-italic.css`. */
  css: string;
  weight: 400 | 600;
  style: 'normal' | 'italic';
  /** `optional` keeps the fallback for the whole page when the font is not there at first paint; `swap` swaps it in when it comes. */
  display: 'optional' | 'swap';
}

/** A font a phone or computer already has, with the names `local()` finds its faces by. */
export interface LocalFont {
  /** Where it is found, for the comment in the stylesheet. */
  where: string;
  metrics: Metrics;
  /** Full names and PostScript names of the regular face, then of the bold and the italic. */
  regular: string[];
  bold: string[];
  italic: string[];
}

export interface FontFamily {
  /** The family name the stylesheets use, such as `Inter`. */
  family: string;
  faces: WebFace[];
  /** Tried in order: each that the device lacks is skipped. */
  fallbacks: LocalFont[];
}

/**
 * The names of a font's faces when it follows the common naming: the full names "Roboto",
 * "Roboto Regular", "Roboto Bold", "Roboto Italic", and the PostScript names "Roboto-Regular",
 * "Roboto-Bold", "Roboto-Italic".
 */
function styleNames(full: string, postscript: string): Pick<LocalFont, 'regular' | 'bold' | 'italic'> {
  return {
    regular: [full, `${full} Regular`, `${postscript}-Regular`],
    bold: [`${full} Bold`, `${postscript}-Bold`],
    italic: [`${full} Italic`, `${postscript}-Italic`],
  };
}

/**
 * The page fonts. Both are `optional`: a font that arrives after the first paint is not swapped
 * in, so the text never moves under the reader; the download still lands in the cache, and the
 * next page shows it. The fallbacks are scaled to each font's metrics, so the text looks the size
 * it will have. docs/fonts.md says why each is set as it is.
 */
export const FAMILIES: FontFamily[] = [
  {
    family: 'Inter',
    faces: [
      { package: '@fontsource/inter', css: '400.css', weight: 400, style: 'normal', display: 'optional' },
      { package: '@fontsource/inter', css: '600.css', weight: 600, style: 'normal', display: 'optional' },
    ],
    fallbacks: [
      {
        where: 'Windows, macOS and iOS; Liberation Sans and Arimo (Linux, ChromeOS) share its metrics',
        metrics: arial,
        regular: ['Arial', 'ArialMT', 'Liberation Sans', 'LiberationSans', 'Arimo', 'Arimo-Regular'],
        bold: ['Arial Bold', 'Arial-BoldMT', 'Liberation Sans Bold', 'LiberationSans-Bold', 'Arimo Bold', 'Arimo-Bold'],
        italic: ['Arial Italic', 'Arial-ItalicMT', 'Liberation Sans Italic', 'LiberationSans-Italic', 'Arimo Italic', 'Arimo-Italic'],
      },
      { where: 'Android', metrics: roboto, ...styleNames('Roboto', 'Roboto') },
      { where: 'Linux desktops, and Android for scripts Roboto lacks', metrics: notoSans, ...styleNames('Noto Sans', 'NotoSans') },
    ],
  },
  {
    family: 'Source Serif 4',
    faces: [
      { package: '@fontsource/source-serif-4', css: '400.css', weight: 400, style: 'normal', display: 'optional' },
      { package: '@fontsource/source-serif-4', css: '400-italic.css', weight: 400, style: 'italic', display: 'optional' },
      { package: '@fontsource/source-serif-4', css: '600.css', weight: 600, style: 'normal', display: 'optional' },
    ],
    fallbacks: [
      {
        where: 'Windows, macOS and iOS',
        metrics: georgia,
        regular: ['Georgia'],
        bold: ['Georgia Bold', 'Georgia-Bold'],
        italic: ['Georgia Italic', 'Georgia-Italic'],
      },
      { where: 'Android (its serif) and Linux desktops', metrics: notoSerif, ...styleNames('Noto Serif', 'NotoSerif') },
      {
        where: 'older Windows; Liberation Serif and Tinos (Linux, ChromeOS) share its metrics',
        metrics: timesNewRoman,
        regular: ['Times New Roman', 'TimesNewRomanPSMT', 'Liberation Serif', 'LiberationSerif', 'Tinos', 'Tinos-Regular'],
        bold: ['Times New Roman Bold', 'TimesNewRomanPS-BoldMT', 'Liberation Serif Bold', 'LiberationSerif-Bold', 'Tinos Bold', 'Tinos-Bold'],
        italic: ['Times New Roman Italic', 'TimesNewRomanPS-ItalicMT', 'Liberation Serif Italic', 'LiberationSerif-Italic', 'Tinos Italic', 'Tinos-Italic'],
      },
    ],
  },
];

const require = createRequire(import.meta.url);

function packageFolder(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

/** The name a fallback family goes by: `Inter fallback: Arial`. */
export function fallbackName(family: string, local: LocalFont): string {
  return `${family} fallback: ${local.metrics === arial ? 'Arial' : (local.regular[0] ?? 'local')}`;
}

/** A percentage for a descriptor, to a hundredth of a percent. */
function percent(value: number): string {
  return `${Math.round(value * 10000) / 100}%`;
}

/**
 * The overrides that make `local` take the room `web` takes: `size-adjust` scales its average
 * lowercase width to the web font's, and the ascent, descent and line gap are the web font's,
 * divided by that scale (the overrides apply to the adjusted size).
 */
export function overrides(web: Metrics, local: Metrics): { sizeAdjust: number; ascent: number; descent: number; lineGap: number } {
  const sizeAdjust = web.xWidthAvg / web.unitsPerEm / (local.xWidthAvg / local.unitsPerEm);
  const em = web.unitsPerEm * sizeAdjust;
  return { sizeAdjust, ascent: web.ascent / em, descent: Math.abs(web.descent) / em, lineGap: web.lineGap / em };
}

/** Fontsource's `@font-face` rules for one face, with its font-display, pointing at the package's files. */
function webFaceRules(face: WebFace): string {
  const css = readFileSync(join(packageFolder(face.package), face.css), 'utf8');
  const rules = css.match(/\/\*[^*]*\*\/\s*@font-face\s*\{[^}]*\}/g) ?? [];
  if (rules.length === 0) throw new Error(`error: ${face.package}/${face.css}: expected @font-face rules, found none`);
  return rules
    .map((rule) => {
      if (!/font-display:\s*swap;/.test(rule)) throw new Error(`error: ${face.package}/${face.css}: expected font-display: swap in each rule, found ${rule}`);
      return rule.replace(/font-display:\s*swap;/, `font-display: ${face.display};`).replace(/url\(\.\/files\//g, `url(${face.package}/files/`);
    })
    .join('\n\n');
}

/** The Latin file of a face, whose metrics stand for the face (every subset shares them). */
function latinFile(face: WebFace): string {
  const css = readFileSync(join(packageFolder(face.package), face.css), 'utf8');
  const file = css.match(/url\(\.\/files\/([^)]*-latin-\d+-(?:normal|italic)\.woff2)\)/)?.[1];
  if (!file) throw new Error(`error: ${face.package}/${face.css}: expected a latin woff2 file, found none`);
  return join(packageFolder(face.package), 'files', file);
}

/** The whole stylesheet: the web fonts, then a metric-matched fallback family per local font. */
export async function fontCss(families: FontFamily[] = FAMILIES): Promise<string> {
  const parts: string[] = [
    '/* Written by `npm run fonts` (scripts/font-css.ts) from the font files; do not edit by hand.\n' +
      '   A unit test fails when it no longer matches them. docs/fonts.md explains the choices. */',
  ];
  for (const { family, faces, fallbacks } of families) {
    for (const face of faces) parts.push(webFaceRules(face));
    for (const local of fallbacks) {
      parts.push(`/* ${fallbackName(family, local)}: ${local.where} */`);
      for (const face of faces) {
        const web = await fromBuffer(readFileSync(latinFile(face)));
        const fit = overrides(web, local.metrics);
        const names = face.style === 'italic' ? local.italic : face.weight >= 600 ? local.bold : local.regular;
        parts.push(
          [
            '@font-face {',
            `  font-family: '${fallbackName(family, local)}';`,
            `  font-style: ${face.style};`,
            `  font-weight: ${face.weight};`,
            `  src: ${names.map((name) => `local('${name}')`).join(', ')};`,
            `  size-adjust: ${percent(fit.sizeAdjust)};`,
            `  ascent-override: ${percent(fit.ascent)};`,
            `  descent-override: ${percent(fit.descent)};`,
            `  line-gap-override: ${percent(fit.lineGap)};`,
            '}',
          ].join('\n'),
        );
      }
    }
  }
  parts.push(
    [
      ':root {',
      `  --sans: ${fontStack('Inter', ['system-ui', '-apple-system', 'Segoe UI', 'sans-serif'], families)};`,
      `  --serif: ${fontStack('Source Serif 4', ['Georgia', 'Times New Roman', 'serif'], families)};`,
      '}',
    ].join('\n'),
  );
  // Formatted as the rest of the code is, so the written file passes the format check.
  const file = join(process.cwd(), 'src', 'styles', 'fonts.css');
  return format(`${parts.join('\n\n')}\n`, { ...(await resolveConfig(file)), filepath: file });
}

/** The `font-family` list for a family: the web font, its fallbacks in order, then `generic`. */
export function fontStack(name: string, generic: string[], families: FontFamily[] = FAMILIES): string {
  const family = families.find((entry) => entry.family === name);
  if (!family) throw new Error(`error: fonts: expected one of ${families.map((entry) => entry.family).join(', ')}, found ${name}`);
  return [family.family, ...family.fallbacks.map((local) => fallbackName(family.family, local)), ...generic]
    .map((entry) => (/[\s:]/.test(entry) ? `'${entry}'` : entry))
    .join(', ');
}
