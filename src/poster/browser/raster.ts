/**
 * SVG to PNG in the browser. Satori draws text as paths, so the SVG drawn into
 * a canvas does not taint it and can be read back.
 *
 * The SVG is decoded on the main thread, then handed as an ImageBitmap to a
 * worker that draws it on an OffscreenCanvas and encodes the PNG, so the page
 * stays responsive. Browsers without OffscreenCanvas encode on the main
 * thread. docs/poster.md has the measurements behind this choice.
 */
export type EncodeMethod = 'main' | 'worker';

export interface EncodeJob {
  id: number;
  bitmap: ImageBitmap;
  width: number;
  height: number;
}

export type EncodeResult = { id: number; blob: Blob; error?: undefined } | { id: number; error: string; blob?: undefined };

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
  private worker: Worker | null | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (blob: Blob) => void; reject: (error: Error) => void }>();

  private getWorker(): Worker | null {
    if (this.worker !== undefined) return this.worker;
    try {
      if (typeof OffscreenCanvas === 'undefined' || typeof createImageBitmap === 'undefined') throw new Error('no OffscreenCanvas');
      const worker = new Worker(new URL('./png-worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<EncodeResult>) => {
        const job = this.pending.get(event.data.id);
        if (!job) return;
        this.pending.delete(event.data.id);
        if (event.data.blob) job.resolve(event.data.blob);
        else job.reject(new Error(event.data.error));
      };
      worker.onerror = () => {
        for (const job of this.pending.values()) job.reject(new Error('The PNG worker stopped.'));
        this.pending.clear();
        this.worker = null;
      };
      this.worker = worker;
    } catch {
      this.worker = null;
    }
    return this.worker;
  }

  /** Draws the SVG at its full size and encodes it as PNG. */
  async encode(svg: string, width: number, height: number, method: EncodeMethod = 'worker'): Promise<Blob> {
    const image = await svgImage(svg);
    const worker = method === 'main' ? null : this.getWorker();
    if (!worker) {
      const canvas = mainThreadCanvas(image, width, height);
      return new Promise((resolve, reject) =>
        canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not make a PNG.'))), 'image/png'),
      );
    }
    const bitmap = await createImageBitmap(image, { resizeWidth: width, resizeHeight: height });
    const id = this.nextId++;
    return new Promise<Blob>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, bitmap, width, height } satisfies EncodeJob, [bitmap]);
    });
  }

  close(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }
}
