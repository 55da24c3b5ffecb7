/// <reference lib="webworker" />
/**
 * Turns a drawn poster into a PNG off the main thread, so the page stays
 * responsive while a download is prepared.
 */
import type { EncodeJob, EncodeResult } from './raster.ts';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<EncodeJob>) => {
  const { id, bitmap, width, height } = event.data;
  try {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { alpha: false });
    if (!context) throw new Error('This browser cannot draw in a worker.');
    context.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    self.postMessage({ id, blob } satisfies EncodeResult);
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies EncodeResult);
  }
};
