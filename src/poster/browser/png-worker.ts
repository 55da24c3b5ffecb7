/// <reference lib="webworker" />
/**
 * Turns a drawn poster into a PNG off the main thread, so the page stays
 * responsive while a download is prepared.
 */
import type { EncodeJob } from './raster.ts';
import { answerCalls } from './worker-calls.ts';

declare const self: DedicatedWorkerGlobalScope;

answerCalls<EncodeJob, Blob>(self, async ({ bitmap, width, height }) => {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { alpha: false });
  if (!context) throw new Error('This browser cannot draw in a worker.');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/png' });
});
