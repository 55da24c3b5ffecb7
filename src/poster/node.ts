/**
 * The build-time renderer: Satori with its bundled layout engine, fonts read
 * from the Fontsource packages on disk, and @resvg/resvg-js for the PNG.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import satori from 'satori';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { formatProblem } from '../schemas/problems.ts';
import { FAMILIES, fontFileName, type FamilyId, type FontFile, type RangeTable } from './fonts.ts';
import { openGraphLayout, posterLayout, type OpenGraphInput, type PosterInput, type PosterLayout } from './layout.ts';
import { PosterFonts, renderSvg, type PosterEngine, type RenderedSvg, type SatoriCall } from './render.ts';

// Resolved from the project root rather than this file, which Astro bundles elsewhere.
const resolver = createRequire(join(process.cwd(), 'package.json'));

function packageDir(pkg: string, what: string): string {
  try {
    return dirname(resolver.resolve(`${pkg}/package.json`));
  } catch {
    throw new Error(
      formatProblem({
        level: 'error',
        file: 'package.json',
        field: 'dependencies',
        expected: `the ${pkg} package for ${what} (run npm install)`,
        found: 'no such package',
      }),
    );
  }
}

async function readOrExplain(path: string, expected: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch {
    throw new Error(formatProblem({ level: 'error', file: relative(process.cwd(), path), field: '(file)', expected, found: 'no file' }));
  }
}

function toArrayBuffer(buffer: Buffer): ArrayBuffer {
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}

/** Reads fonts and emoji from node_modules. A missing file is a one-line build error naming it. */
export const nodeEngine: PosterEngine = {
  satori: satori as unknown as SatoriCall,
  async ranges(family: FamilyId): Promise<RangeTable> {
    const { pkg, name } = FAMILIES[family];
    const file = join(packageDir(pkg, `the poster font ${name}`), 'unicode.json');
    return JSON.parse((await readOrExplain(file, `the Unicode ranges of ${name}`)).toString('utf8')) as RangeTable;
  },
  async fontFile(file: FontFile): Promise<ArrayBuffer> {
    const { pkg, name } = FAMILIES[file.family];
    const path = join(packageDir(pkg, `the poster font ${name}`), 'files', fontFileName(file));
    return toArrayBuffer(await readOrExplain(path, `the ${name} font file (${file.subset}, weight ${file.weight}, ${file.style})`));
  },
  async emojiSvg(code: string): Promise<string | undefined> {
    try {
      return await readFile(join(packageDir('@twemoji/svg', 'emoji on posters'), `${code}.svg`), 'utf8');
    } catch {
      return undefined;
    }
  },
};

let shared: PosterFonts | undefined;
/** One font cache for the whole build, so each file is read and parsed once. */
export function nodeFonts(): PosterFonts {
  shared ??= new PosterFonts(nodeEngine);
  return shared;
}

function resvgOptions(width: number): ResvgRenderOptions {
  return { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false }, shapeRendering: 2, textRendering: 1 };
}

/** Rasterises Satori's SVG. System fonts are off: every glyph is already a path. */
export function svgToPng(svg: string, width: number): Buffer {
  return new Resvg(svg, resvgOptions(width)).render().asPng();
}

/**
 * The same, on a thread of Node's pool, so the build renders other pages
 * while a poster is rasterised.
 */
export async function svgToPngAsync(svg: string, width: number): Promise<Buffer> {
  return (await renderAsync(svg, resvgOptions(width))).asPng();
}

export interface RenderedPng extends RenderedSvg {
  png: Buffer;
}

/** A poster as a PNG, rasterised on Node's thread pool. */
export async function renderPosterPng(input: PosterInput, fonts: PosterFonts = nodeFonts()): Promise<RenderedPng> {
  const rendered = await renderSvg((scale) => posterLayout({ ...input, scale }), fonts);
  return { ...rendered, png: await svgToPngAsync(rendered.svg, rendered.layout.width) };
}

/** A link-preview image as a PNG, rasterised on Node's thread pool. */
export async function renderOpenGraphPng(input: OpenGraphInput, fonts: PosterFonts = nodeFonts()): Promise<RenderedPng> {
  const rendered = await renderSvg((): PosterLayout => openGraphLayout(input), fonts);
  return { ...rendered, png: await svgToPngAsync(rendered.svg, rendered.layout.width) };
}
