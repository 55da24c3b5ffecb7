/// <reference lib="webworker" />
/**
 * The poster engine's own thread: a message without input starts the engine
 * (satori/standalone, layout.wasm, the base fonts), a message with input lays
 * out and draws that poster.
 */
import { posterLayout } from '../layout.ts';
import { renderSvg, type PosterFonts } from '../render.ts';
import type { DrawReply, DrawRequest } from './draw.ts';
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

answerCalls<DrawRequest, DrawReply>(self, async ({ base, input, first }) => {
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
