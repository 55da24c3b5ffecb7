/**
 * SVG to PNG in the browser. Satori draws text as paths, so the SVG drawn into
 * a canvas does not taint it and can be read back.
 *
 * The SVG is decoded on the main thread, then handed as an ImageBitmap to a
 * worker that draws it on an OffscreenCanvas and encodes the PNG, so the page
 * stays responsive. Browsers without OffscreenCanvas encode on the main
 * thread. docs/poster.md has the measurements behind this choice.
 */
import { controlledWorker } from '../../offline/worker.ts';
import pngWorker from './png-worker.ts?worker&url';
import { WorkerCalls } from './worker-calls.ts';

export type EncodeMethod = 'main' | 'worker';

export interface EncodeJob {
  bitmap: ImageBitmap;
  width: number;
  height: number;
}

/** Loads an SVG into an image element and waits until it is decoded. */
export async function svgImage(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

function mainThreadCanvas(image: HTMLImageElement, width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { alpha: false });
  if (!context) throw new Error('This browser cannot draw the poster.');
  context.drawImage(image, 0, 0, width, height);
  return canvas;
}

export class PngEncoder {
  private calls: WorkerCalls<EncodeJob, Blob> | null | undefined;

  private getCalls(): WorkerCalls<EncodeJob, Blob> | null {
    if (this.calls !== undefined) return this.calls;
    try {
      if (typeof OffscreenCanvas === 'undefined' || typeof createImageBitmap === 'undefined') throw new Error('no OffscreenCanvas');
      const worker = controlledWorker(pngWorker);
      this.calls = new WorkerCalls<EncodeJob, Blob>(worker, 'PNG', () => (this.calls = null));
    } catch {
      this.calls = null;
    }
    return this.calls;
  }

  /** Draws the SVG at its full size and encodes it as PNG. */
  async encode(svg: string, width: number, height: number, method: EncodeMethod = 'worker'): Promise<Blob> {
    const image = await svgImage(svg);
    const calls = method === 'main' ? null : this.getCalls();
    if (!calls) {
      const canvas = mainThreadCanvas(image, width, height);
      return new Promise((resolve, reject) =>
        canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not make a PNG.'))), 'image/png'),
      );
    }
    const bitmap = await createImageBitmap(image, { resizeWidth: width, resizeHeight: height });
    return calls.call({ bitmap, width, height }, [bitmap]);
  }

  close(): void {
    this.calls?.worker.terminate();
    this.calls = undefined;
  }
}
