/// <reference lib="webworker" />
/**
 * The poster engine's own thread: a message without input starts the engine
 * (satori/standalone, layout.wasm, the base fonts), a message with input lays
 * out and draws that poster.
 */
import { posterLayout } from '../layout.ts';
import { renderSvg, type PosterFonts } from '../render.ts';
import type { DrawRequest, Drawn } from './draw.ts';
import { startEngine } from './engine.ts';
import { answerCalls } from './worker-calls.ts';

declare const self: DedicatedWorkerGlobalScope;

let engine: Promise<PosterFonts> | undefined;

answerCalls<DrawRequest, Drawn | null>(self, async ({ base, input }) => {
  if (!engine) {
    engine = startEngine(base);
    // A failed start may be retried by a later message.
    engine.catch(() => (engine = undefined));
  }
  const fonts = await engine;
  if (!input) return null;
  const rendered = await renderSvg((scale) => posterLayout({ ...input, scale }), fonts);
  return { svg: rendered.svg, shown: rendered.layout.shown, width: rendered.layout.width, height: rendered.layout.height };
});
