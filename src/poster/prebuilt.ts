/**
 * The poster drawn at build time for `/<slug>/poster.png`, and the hand-off
 * between the build's poster thread (src/poster/build-pool.ts, started by an
 * integration) and the route that writes the file. Shared by code Node loads
 * as it is and code Astro bundles, so it keeps to types and plain functions.
 */
import type { IconSpec } from '../offline/manifest.ts';
import type { OpenGraphInput, PosterInput } from './layout.ts';

/** The build-time poster of a client's themes: the coach's order, all of them, on paper, portrait. */
export function prebuiltPosterInput(themes: readonly string[]): PosterInput {
  return { values: themes.map((label) => ({ label })), topN: themes.length, style: 'paper', size: 'pinterest' };
}

/** What the build's poster thread draws: posters, link-preview images and the app icons. */
export interface PosterPngSource {
  /** Has a poster drawn and written into the built site at `path` (relative to the output folder) before the build ends. */
  writePoster(path: string, input: PosterInput): void;
  /** The same for a link-preview image. */
  writeOpenGraph(path: string, input: OpenGraphInput): void;
  icon(icon: IconSpec): Promise<Uint8Array>;
}

// The route's module is bundled by Astro and the thread's owner is not, so they meet on a registered symbol.
const KEY = Symbol.for('coaching-workbooks.poster-thread');

/** The poster thread of the running build, or undefined (`astro dev`, tests): then the route draws posters itself. */
export function posterThread(): PosterPngSource | undefined {
  return (globalThis as Record<symbol, PosterPngSource | undefined>)[KEY];
}

export function setPosterThread(source: PosterPngSource | undefined): void {
  (globalThis as Record<symbol, PosterPngSource | undefined>)[KEY] = source;
}
