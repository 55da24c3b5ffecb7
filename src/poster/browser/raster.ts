/**
 * SVG to PNG in the browser. Satori draws text as paths, so the SVG drawn into
 * a canvas does not taint it and can be read back.
 *
 * The SVG is decoded on the main thread, then handed as an ImageBitmap to the
 * poster's worker, which draws it on an OffscreenCanvas and encodes the PNG, so
 * the page stays responsive. Browsers without OffscreenCanvas encode on the
 * main thread. docs/poster.md has the measurements behind this choice.
 */

/** What the worker needs to encode a PNG: the decoded poster at its full size. */
export interface EncodeJob {
  bitmap: ImageBitmap;
  width: number;
  height: number;
}

/** Encodes a job in a worker; the bitmap is transferred, not copied. */
export type EncodeInWorker = (job: EncodeJob) => Promise<Blob>;

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

/** Whether this browser can hand a decoded image to a worker and encode it there. */
function workersCanEncode(): boolean {
  return typeof OffscreenCanvas !== 'undefined' && typeof createImageBitmap !== 'undefined';
}

export class PngEncoder {
  private inWorker: EncodeInWorker | undefined;

  /** `inWorker` is the poster worker's encoder (see draw.ts); without it, or when it fails, the page encodes. */
  constructor(inWorker?: EncodeInWorker) {
    this.inWorker = inWorker && workersCanEncode() ? inWorker : undefined;
  }

  /** Draws the SVG at its full size and encodes it as PNG. */
  async encode(svg: string, width: number, height: number): Promise<Blob> {
    const image = await svgImage(svg);
    const inWorker = this.inWorker;
    if (inWorker) {
      const bitmap = await createImageBitmap(image, { resizeWidth: width, resizeHeight: height });
      try {
        return await inWorker({ bitmap, width, height });
      } catch {
        // A worker that could not encode (it stopped, or has no 2D context) will not next time either.
        this.inWorker = undefined;
      }
    }
    const canvas = mainThreadCanvas(image, width, height);
    return new Promise((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not make a PNG.'))), 'image/png'),
    );
  }
}
