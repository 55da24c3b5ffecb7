import type { FontRequest } from './fonts.ts';

export interface PosterPalette {
  /** The canvas. */
  background: string;
  /** Value names and the title. */
  text: string;
  /** Bold words and the name. */
  soft: string;
  /** Rank numbers and small capitals. */
  accent: string;
  /** Rules and rings: decoration, never under text. */
  decor: string;
  /** Shapes that text may sit on. */
  decorSoft: string;
  /** Text drawn on an accent-coloured mark, such as a rank in a compass dot. */
  onAccent: string;
}

export interface PosterStyle {
  label: string;
  /** One line for the style picker. */
  description: string;
  palette: PosterPalette;
  /** The fonts the style draws with; each is loaded only in the subsets the text needs. */
  fonts: FontRequest[];
}

export const POSTER_STYLES = {
  paper: {
    label: 'Paper',
    description: 'Calm serif type on a warm paper tone, framed like a print.',
    palette: {
      background: '#f4eee2',
      text: '#2a2119',
      soft: '#5b4a3b',
      accent: '#8f3d1f',
      decor: '#c8b48f',
      decorSoft: '#e6dcc8',
      onAccent: '#fdf9f2',
    },
    fonts: [
      { family: 'source-serif-4', weight: 600, style: 'normal' },
      { family: 'source-serif-4', weight: 400, style: 'italic' },
      { family: 'source-serif-4', weight: 400, style: 'normal' },
    ],
  },
  field: {
    label: 'Colour field',
    description: 'Bold sans-serif on a deep colour field, your first value largest.',
    palette: {
      background: '#0f3b3a',
      text: '#fbf5e6',
      soft: '#bfe3d8',
      accent: '#f2c14e',
      decor: '#17504e',
      decorSoft: '#134644',
      onAccent: '#0f3b3a',
    },
    fonts: [
      { family: 'inter', weight: 800, style: 'normal' },
      { family: 'inter', weight: 500, style: 'normal' },
    ],
  },
  compass: {
    label: 'Compass',
    description: 'A night-blue compass with your values placed on its rings by rank.',
    palette: {
      background: '#14213d',
      text: '#f4f1ea',
      soft: '#c3d0e4',
      accent: '#f6b042',
      decor: '#3d5a8a',
      decorSoft: '#24365c',
      onAccent: '#14213d',
    },
    fonts: [
      { family: 'inter', weight: 600, style: 'normal' },
      { family: 'inter', weight: 400, style: 'normal' },
      { family: 'source-serif-4', weight: 600, style: 'normal' },
      { family: 'source-serif-4', weight: 400, style: 'italic' },
    ],
  },
} as const satisfies Record<string, PosterStyle>;

export type PosterStyleId = keyof typeof POSTER_STYLES;

export const POSTER_STYLE_IDS = Object.keys(POSTER_STYLES) as PosterStyleId[];

export { DEFAULT_STYLE } from './options.ts';

export function isPosterStyleId(value: unknown): value is PosterStyleId {
  return typeof value === 'string' && Object.hasOwn(POSTER_STYLES, value);
}

/** The text colours of a style, each over the colour it is drawn on. */
export function textColourPairs(style: PosterStyle): Array<{ role: string; foreground: string; background: string }> {
  const { palette } = style;
  return [
    { role: 'text', foreground: palette.text, background: palette.background },
    { role: 'soft', foreground: palette.soft, background: palette.background },
    { role: 'accent', foreground: palette.accent, background: palette.background },
    { role: 'text on a shape', foreground: palette.text, background: palette.decorSoft },
    { role: 'soft on a shape', foreground: palette.soft, background: palette.decorSoft },
    { role: 'accent on a shape', foreground: palette.accent, background: palette.decorSoft },
    { role: 'on accent', foreground: palette.onAccent, background: palette.accent },
  ];
}
