/**
 * Turns a layout into an SVG with Satori, the same way at build time and in
 * the browser. What differs between the two (which Satori build, where font
 * files and emoji come from) is handed in as a `PosterEngine`.
 */
import {
  fontName,
  graphemes,
  isEmoji,
  planFonts,
  familiesToConsult,
  type FamilyId,
  type FontFile,
  type FontRequest,
  type FontStyle,
  type FontWeight,
  type RangeTable,
} from './fonts.ts';
import { emojiCodes, svgDataUrl } from './emoji.ts';
import { FIT_MARKERS, type PosterLayout } from './layout.ts';

/** A font as Satori takes it. */
export interface SatoriFont {
  name: string;
  data: ArrayBuffer;
  weight: FontWeight;
  style: FontStyle;
}

interface DetectedNode {
  left: number;
  top: number;
  width: number;
  height: number;
  props: Record<string, unknown>;
}

export interface SatoriCall {
  (
    tree: unknown,
    options: {
      width: number;
      height: number;
      fonts: SatoriFont[];
      loadAdditionalAsset: (code: string, segment: string) => Promise<string | SatoriFont[]>;
      onNodeDetected: (node: DetectedNode) => void;
    },
  ): Promise<string>;
}

/** Where a renderer gets what it needs. */
export interface PosterEngine {
  satori: SatoriCall;
  /** A family's `unicode.json`. */
  ranges: (family: FamilyId) => Promise<RangeTable>;
  /** The bytes of one font file. A missing file must reject with a one-line message naming it. */
  fontFile: (file: FontFile) => Promise<ArrayBuffer>;
  /** A Twemoji SVG by file name (`1f331`), or undefined when there is none. */
  emojiSvg: (code: string) => Promise<string | undefined>;
}

export interface RenderedSvg {
  svg: string;
  layout: PosterLayout;
  /** Every font file the render loaded, including fallbacks asked for by Satori. */
  fontFiles: FontFile[];
  /** Emoji drawn as images. */
  emoji: string[];
  /** How many times Satori ran: more than once when the first layout overflowed. */
  passes: number;
}

const fileKey = (file: FontFile) => `${file.family}/${file.subset}/${file.weight}/${file.style}`;

/**
 * Keeps loaded fonts and range tables between renders. Satori caches parsed
 * fonts by the identity of their data, so handing it the same objects again
 * makes a second render of the same text much cheaper.
 */
export class PosterFonts {
  readonly engine: PosterEngine;
  private readonly fonts = new Map<string, Promise<SatoriFont>>();
  private readonly tables = new Map<FamilyId, Promise<RangeTable>>();
  private readonly emoji = new Map<string, Promise<string | undefined>>();

  constructor(engine: PosterEngine) {
    this.engine = engine;
  }

  async rangeTables(families: Iterable<FamilyId>): Promise<Partial<Record<FamilyId, RangeTable>>> {
    const out: Partial<Record<FamilyId, RangeTable>> = {};
    await Promise.all(
      [...new Set(families)].map(async (family) => {
        let table = this.tables.get(family);
        if (!table) {
          table = this.engine.ranges(family);
          this.tables.set(family, table);
          table.catch(() => this.tables.delete(family));
        }
        out[family] = await table;
      }),
    );
    return out;
  }

  load(file: FontFile): Promise<SatoriFont> {
    const key = fileKey(file);
    let font = this.fonts.get(key);
    if (!font) {
      font = this.engine.fontFile(file).then((data) => ({ name: fontName(file.family, file.subset), data, weight: file.weight, style: file.style }));
      this.fonts.set(key, font);
      font.catch(() => this.fonts.delete(key));
    }
    return font;
  }

  /** A data URL of the Twemoji image for a grapheme, or undefined when Twemoji has none. */
  emojiUrl(grapheme: string): Promise<string | undefined> {
    let url = this.emoji.get(grapheme);
    if (!url) {
      url = (async () => {
        for (const code of emojiCodes(grapheme)) {
          const svg = await this.engine.emojiSvg(code);
          if (svg) return svgDataUrl(svg);
        }
        return undefined;
      })();
      this.emoji.set(grapheme, url);
    }
    return url;
  }
}

/** The fonts of a layout's own families, in the subsets its text touches. */
export async function baseFonts(layout: Pick<PosterLayout, 'text' | 'fonts'>, fonts: PosterFonts): Promise<{ files: FontFile[]; loaded: SatoriFont[] }> {
  const families = layout.fonts.map((request) => request.family);
  const tables = await fonts.rangeTables(families);
  const plan = planFonts(layout.text, layout.fonts, tables, { baseOnly: true });
  return { files: plan.files, loaded: await Promise.all(plan.files.map((file) => fonts.load(file))) };
}

/**
 * Satori's font-fallback hook: it is called only with text the loaded fonts
 * cannot draw. Emoji become Twemoji images; other text gets the Noto subsets
 * for its script, so a poster loads them only when that script is on it.
 */
export function fallbackLoader(requests: readonly FontRequest[], fonts: PosterFonts, record: { files: FontFile[]; emoji: string[] }) {
  return async (code: string, segment: string): Promise<string | SatoriFont[]> => {
    if (code === 'emoji' || graphemes(segment).every(isEmoji)) {
      const url = await fonts.emojiUrl(segment);
      if (url) {
        record.emoji.push(segment);
        return url;
      }
      return [];
    }
    const tables = await fonts.rangeTables(familiesToConsult(segment, []));
    const plan = planFonts(segment, requests, tables, { fallbackOnly: true });
    record.files.push(...plan.files);
    return Promise.all(plan.files.map((file) => fonts.load(file)));
  };
}

/** Whether any value's block ran past the bottom of the list, from Satori's laid-out boxes. */
export function overflows(nodes: DetectedNode[]): boolean {
  const list = nodes.find((node) => node.props[FIT_MARKERS.list] !== undefined);
  if (!list) return false;
  const bottom = list.top + list.height + 1;
  return nodes.some((node) => node.props[FIT_MARKERS.item] !== undefined && node.top + node.height > bottom);
}

/**
 * Renders a layout to SVG. `build(scale)` makes the layout; when Satori's real
 * text runs longer than the layout estimated, it is rebuilt a little smaller,
 * so values never run off the poster.
 */
export async function renderSvg(build: (scale: number) => PosterLayout, fonts: PosterFonts): Promise<RenderedSvg> {
  let scale = 1;
  let passes = 0;
  for (;;) {
    const layout = build(scale);
    const base = await baseFonts(layout, fonts);
    const record = { files: [...base.files], emoji: [] as string[] };
    const nodes: DetectedNode[] = [];
    passes += 1;
    const svg = await fonts.engine.satori(layout.tree, {
      width: layout.width,
      height: layout.height,
      fonts: base.loaded,
      loadAdditionalAsset: fallbackLoader(layout.fonts, fonts, record),
      onNodeDetected: (node) => {
        if (node.props[FIT_MARKERS.list] !== undefined || node.props[FIT_MARKERS.item] !== undefined) nodes.push(node);
      },
    });
    if (!overflows(nodes) || scale < 0.35) return { svg, layout, fontFiles: record.files, emoji: record.emoji, passes };
    scale *= 0.88;
  }
}
