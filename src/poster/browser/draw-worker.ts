/// <reference lib="webworker" />
/**
 * The poster engine's own thread: a message without input starts the engine
 * (satori/standalone, layout.wasm, the base fonts), a message with input draws
 * that poster. Replies carry the message's id.
 */
import type { PosterFonts } from '../render.ts';
import type { DrawReply, DrawRequest } from './draw.ts';
import { drawPoster } from './draw-poster.ts';
import { startEngine } from './engine.ts';

declare const self: DedicatedWorkerGlobalScope;

let engine: Promise<PosterFonts> | undefined;

self.onmessage = async (event: MessageEvent<DrawRequest>) => {
  const { id, base, input } = event.data;
  try {
    if (!engine) {
      engine = startEngine(base);
      // A failed start may be retried by a later message.
      engine.catch(() => (engine = undefined));
    }
    const fonts = await engine;
    const reply: DrawReply = input ? { id, drawn: await drawPoster(input, fonts) } : { id };
    self.postMessage(reply);
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies DrawReply);
  }
};
