/**
 * Draws the live poster. Satori, its layout.wasm and the fonts load and run in
 * a worker (draw-worker.ts), so the page stays responsive on a phone while the
 * engine starts and while each change is drawn. Every browser the workbook
 * supports has module workers; one without them gets the build-time poster.
 */
import type { PosterInput, PosterValue } from '../layout.ts';

/** One drawn poster: the SVG and what the page shows beside it. */
export interface Drawn {
  svg: string;
  /** The values the layout put on the poster, most important first. */
  shown: PosterValue[];
  width: number;
  height: number;
}

export type DrawRequest = { id: number; base: string; input?: PosterInput };
export type DrawReply = { id: number; drawn?: Drawn; error?: undefined } | { id: number; error: string; drawn?: undefined };

export interface PosterDrawer {
  draw(input: PosterInput): Promise<Drawn>;
}

/** Draws in a module worker. */
class WorkerDrawer implements PosterDrawer {
  private readonly worker: Worker;
  private readonly base: string;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (drawn: Drawn | undefined) => void; reject: (error: Error) => void }>();

  constructor(worker: Worker, base: string) {
    this.worker = worker;
    this.base = base;
    worker.onmessage = (event: MessageEvent<DrawReply>) => {
      const job = this.pending.get(event.data.id);
      if (!job) return;
      this.pending.delete(event.data.id);
      if (event.data.error !== undefined) job.reject(new Error(event.data.error));
      else job.resolve(event.data.drawn);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.failAll(new Error('The poster worker stopped.'));
    };
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }

  private send(input?: PosterInput): Promise<Drawn | undefined> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, base: this.base, ...(input ? { input } : {}) } satisfies DrawRequest);
    });
  }

  /** Loads the engine in the worker; rejects when it cannot start. */
  async start(): Promise<void> {
    await this.send();
  }

  async draw(input: PosterInput): Promise<Drawn> {
    const drawn = await this.send(input);
    if (!drawn) throw new Error('The poster worker answered without a poster.');
    return drawn;
  }
}

/**
 * Starts the poster engine. Rejects when it cannot be loaded or compiled, so
 * the island can offer the build-time poster instead.
 */
export async function startDrawing(base: string): Promise<PosterDrawer> {
  const worker = new Worker(new URL('./draw-worker.ts', import.meta.url), { type: 'module', name: 'poster' });
  const drawer = new WorkerDrawer(worker, base);
  try {
    await drawer.start();
  } catch (error) {
    worker.terminate();
    throw error;
  }
  return drawer;
}
