/// <reference lib="webworker" />
/**
 * The poster engine's own thread: a message without input starts the engine
 * (satori/standalone, layout.wasm, the base fonts), a message with input lays
 * out and draws that poster, and a message with a decoded poster encodes it as
 * PNG on an OffscreenCanvas.
 */
import { posterLayout } from '../layout.ts';
import { renderSvg, type PosterFonts } from '../render.ts';
import type { DrawReply, DrawRequest } from './draw.ts';
import type { EncodeJob } from './raster.ts';
import { startEngine } from './engine.ts';
import { epochNow, type StageTimes } from './marks.ts';
import { answerCalls } from './worker-calls.ts';

declare const self: DedicatedWorkerGlobalScope;

/** When each stage of the start and the first drawing ended, sent with the answers that finish them. */
let stages: StageTimes = { 'worker-running': epochNow() };
let firstDrawn = false;
let engine: Promise<PosterFonts> | undefined;

function takeStages(): StageTimes {
  const taken = stages;
  stages = {};
  return taken;
}

async function encodePng({ bitmap, width, height }: EncodeJob): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { alpha: false });
  if (!context) throw new Error('This browser cannot draw in a worker.');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/png' });
}

answerCalls<DrawRequest, DrawReply>(self, async (request) => {
  if (request.encode) return { png: await encodePng(request.encode), stages: {} };
  const { base, input, first } = request;
  if (!engine) {
    engine = startEngine(base, (stage) => (stages[stage] = epochNow()), first);
    // A failed start may be retried by a later message.
    engine.catch(() => (engine = undefined));
  }
  const fonts = await engine;
  if (!input) return { stages: takeStages() };
  const rendered = await renderSvg((scale) => posterLayout({ ...input, scale }), fonts);
  if (!firstDrawn) {
    firstDrawn = true;
    // The first drawing also loads the fonts its text needs.
    stages['first-drawing'] = epochNow();
  }
  return { drawn: { svg: rendered.svg, shown: rendered.layout.shown, width: rendered.layout.width, height: rendered.layout.height }, stages: takeStages() };
});
