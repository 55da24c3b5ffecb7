/**
 * Renders the live poster and keeps its PNG ready: each change is drawn as an
 * SVG at once, and the PNG for it is prepared while the browser is idle, so a
 * click on "Download PNG" usually only has to save a file that already exists.
 */
import type { PosterInput, PosterValue } from './layout.ts';
import type { PosterDrawer } from './browser/draw.ts';
import type { PngEncoder } from './browser/raster.ts';
import { Superseded } from './superseded.ts';

export interface Preview {
  key: string;
  svg: string;
  /** An object URL of the SVG, for the preview image. */
  url: string;
  /** The values on the poster, most important first. */
  shown: PosterValue[];
  width: number;
  height: number;
  /** Milliseconds from asking to having the SVG: Satori, fonts and the trip to its worker. */
  ms: number;
}

export function posterKey(input: PosterInput): string {
  return JSON.stringify([input.values, input.topN, input.title, input.name, input.style, input.size]);
}

const KEEP = 4;

export class PosterStudio {
  private readonly drawer: PosterDrawer;
  private readonly encoder: PngEncoder;
  private readonly previews = new Map<string, Promise<Preview>>();
  private readonly pngs = new Map<string, Promise<Blob>>();
  private queue: Promise<unknown> = Promise.resolve();
  private latest = '';

  constructor(drawer: PosterDrawer, encoder: PngEncoder) {
    this.drawer = drawer;
    this.encoder = encoder;
  }

  /**
   * The preview for a poster, rendering it if needed. Renders run one at a
   * time; a render that was asked for but is no longer the latest by the time
   * its turn comes is skipped.
   */
  render(input: PosterInput): Promise<Preview> {
    const key = posterKey(input);
    this.latest = key;
    const existing = this.previews.get(key);
    if (existing) return existing;
    const run = this.queue.then(async () => {
      if (key !== this.latest) throw new Superseded();
      const started = performance.now();
      const drawn = await this.drawer.draw(input);
      const url = URL.createObjectURL(new Blob([drawn.svg], { type: 'image/svg+xml' }));
      return { key, url, ...drawn, ms: performance.now() - started };
    });
    this.queue = run.catch(() => undefined);
    this.previews.set(key, run);
    run.catch(() => this.previews.delete(key));
    this.prune(this.previews, (preview) =>
      preview.then(
        (done) => URL.revokeObjectURL(done.url),
        () => undefined,
      ),
    );
    return run;
  }

  /** Starts making the PNG of a preview when the browser is idle; returns at once. */
  preparePng(preview: Preview): void {
    if (this.pngs.has(preview.key)) return;
    const idle =
      typeof requestIdleCallback === 'function'
        ? (work: () => void) => requestIdleCallback(work, { timeout: 400 })
        : (work: () => void) => setTimeout(work, 50);
    idle(() => {
      if (preview.key === this.latest) void this.png(preview).catch(() => undefined);
    });
  }

  /** The PNG of a preview, made now unless it is ready or under way. */
  png(preview: Preview): Promise<Blob> {
    let blob = this.pngs.get(preview.key);
    if (!blob) {
      blob = this.encoder.encode(preview.svg, preview.width, preview.height);
      this.pngs.set(preview.key, blob);
      blob.catch(() => this.pngs.delete(preview.key));
      this.prune(this.pngs);
    }
    return blob;
  }

  private prune<T>(map: Map<string, T>, release?: (value: T) => void): void {
    while (map.size > KEEP) {
      const oldest = map.keys().next().value as string;
      if (oldest === this.latest) break;
      const value = map.get(oldest);
      map.delete(oldest);
      if (value !== undefined) release?.(value);
    }
  }
}
