import { posterLayout, type PosterInput } from '../layout.ts';
import { renderSvg, type PosterFonts } from '../render.ts';
import type { Drawn } from './draw.ts';

/** Lays out and draws one poster with a started engine. */
export async function drawPoster(input: PosterInput, fonts: PosterFonts): Promise<Drawn> {
  const rendered = await renderSvg((scale) => posterLayout({ ...input, scale }), fonts);
  return { svg: rendered.svg, shown: rendered.layout.shown, width: rendered.layout.width, height: rendered.layout.height };
}
