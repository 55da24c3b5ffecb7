/**
 * Runs the build's posters on a worker thread (src/poster/build-worker.ts).
 * The integration starts it when `astro build` starts and asks at once for
 * every client's poster, read from the checked content files, so they are
 * drawn while Vite bundles and pages render; the poster route then only waits
 * for bytes. The route asks again with what Astro's content layer gives it:
 * the same poster is drawn once, and a different one is drawn on request.
 */
import type { AstroIntegration } from 'astro';
import { Worker } from 'node:worker_threads';
import type { PosterInput } from './layout.ts';
import { prebuiltPosterInput, setPosterThread, type PosterPngSource } from './prebuilt.ts';
import type { PosterJob, PosterReply } from './build-worker.ts';

export class PosterThread implements PosterPngSource {
  readonly #worker: Worker;
  readonly #drawn = new Map<string, Promise<Uint8Array>>();
  readonly #waiting = new Map<number, { resolve: (png: Uint8Array) => void; reject: (error: Error) => void }>();
  #nextId = 0;
  #failure: Error | undefined;

  constructor() {
    this.#worker = new Worker(new URL('./build-worker.ts', import.meta.url));
    // The thread keeps the build alive only while a poster is awaited.
    this.#worker.unref();
    this.#worker.on('message', (reply: PosterReply) => {
      const waiting = this.#waiting.get(reply.id);
      if (!waiting) return;
      this.#waiting.delete(reply.id);
      if (this.#waiting.size === 0) this.#worker.unref();
      if ('error' in reply) waiting.reject(Object.assign(new Error(reply.error), { stack: reply.error }));
      else waiting.resolve(reply.png);
    });
    const fail = (error: Error) => {
      this.#failure = new Error(`error: src/poster/build-worker.ts: (thread): expected the poster thread to run, found ${error.message}`);
      for (const waiting of this.#waiting.values()) waiting.reject(this.#failure);
      this.#waiting.clear();
    };
    this.#worker.on('error', fail);
    this.#worker.on('exit', (code) => {
      if (this.#waiting.size > 0) fail(new Error(`it stopped with code ${code}`));
    });
  }

  /** The poster's PNG bytes; a poster asked for twice is drawn once. */
  png(input: PosterInput): Promise<Uint8Array> {
    const key = JSON.stringify(input);
    let drawn = this.#drawn.get(key);
    if (!drawn) {
      drawn = this.#draw(input);
      // Posters asked for ahead of time may fail before any route awaits them; the route reports it.
      drawn.catch(() => undefined);
      this.#drawn.set(key, drawn);
    }
    return drawn;
  }

  #draw(input: PosterInput): Promise<Uint8Array> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.ref();
      this.#worker.postMessage({ id, input } satisfies PosterJob);
    });
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}

/**
 * Draws build-time posters on a second thread. `themesOf` gives each client's
 * theme names, in order, as the content check read them.
 */
export function posterThread(themesOf: () => readonly (readonly string[])[]): AstroIntegration {
  let thread: PosterThread | undefined;
  return {
    name: 'workbook-poster-thread',
    hooks: {
      'astro:build:start': () => {
        thread = new PosterThread();
        setPosterThread(thread);
        for (const themes of themesOf()) void thread.png(prebuiltPosterInput(themes));
      },
      'astro:build:done': async () => {
        setPosterThread(undefined);
        await thread?.close();
        thread = undefined;
      },
    },
  };
}
