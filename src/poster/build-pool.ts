/**
 * The poster's build work, on a worker thread (src/poster/build-worker.ts).
 * The integration starts the thread when `astro build` starts and has it draw
 * every client's poster at once, from the client files the content check read,
 * while Vite bundles and pages render. The poster and link-preview routes then
 * ask for their files with what Astro's content layer read, and the thread
 * writes them into the site itself, so no page waits for an image: a poster
 * drawn ahead is written from memory, a different one is drawn on request, and
 * one no route asks for is never written. Images are kept between builds in
 * Astro's cache folder (src/poster/image-cache.ts), so a rebuild draws only
 * what changed. Once Astro has emptied the output folder, the thread also
 * writes the emoji groups into the site.
 */
import type { AstroIntegration } from 'astro';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ICONS, type IconSpec } from '../offline/manifest.ts';
import type { OpenGraphInput, PosterInput } from './layout.ts';
import { EMOJI_FOLDER } from './emoji.ts';
import { prebuiltPosterInput, setPosterThread, type PosterPngSource } from './prebuilt.ts';
import type { ThreadImage, ThreadJob, ThreadOptions, ThreadReply } from './build-worker.ts';

/** The folder in Astro's cache folder (`cacheDir`) where drawn images are kept between builds. */
export const IMAGE_CACHE_FOLDER = 'workbook-images';

type Job = ThreadJob extends infer J ? (J extends ThreadJob ? Omit<J, 'id'> : never) : never;

export class PosterThread implements PosterPngSource {
  readonly #worker: Worker;
  readonly #drawn = new Map<string, Promise<Uint8Array>>();
  readonly #files = new Map<string, { key: string; written: Promise<unknown> }>();
  readonly #outDir: string;
  readonly #waiting = new Map<number, { resolve: (reply: ThreadReply) => void; reject: (error: Error) => void }>();
  #nextId = 0;
  #failure: Error | undefined;

  readonly #outputReady: Promise<void>;
  #openOutput: () => void = () => undefined;

  /**
   * `outDir`: the built site that `writePoster` paths are relative to. With `waitForOutput`,
   * images are drawn at once but written only after `openOutput()`: Astro empties the output
   * folder after the build starts, and a file written before that would be lost.
   */
  constructor(options: ThreadOptions & { outDir?: string; waitForOutput?: boolean } = {}) {
    this.#outDir = options.outDir ?? process.cwd();
    this.#outputReady = options.waitForOutput ? new Promise((resolve) => (this.#openOutput = resolve)) : Promise.resolve();
    this.#worker = new Worker(new URL('./build-worker.ts', import.meta.url), { workerData: { cacheDir: options.cacheDir } satisfies ThreadOptions });
    // The thread keeps the build alive only while something is awaited from it.
    this.#worker.unref();
    this.#worker.on('message', (reply: ThreadReply) => {
      const waiting = this.#waiting.get(reply.id);
      if (!waiting) return;
      this.#waiting.delete(reply.id);
      if (this.#waiting.size === 0) this.#worker.unref();
      if ('error' in reply) waiting.reject(Object.assign(new Error(reply.error), { stack: reply.error }));
      else waiting.resolve(reply);
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

  /**
   * Draws a poster and writes it into the built site at `path`, relative to `outDir`, on the
   * thread: no page waits for it. Asked twice for one path, the thread writes the last poster asked for.
   */
  writePoster(path: string, input: PosterInput): void {
    this.#writeImage(path, { kind: 'poster', input });
  }

  /** The same for a link-preview image. */
  writeOpenGraph(path: string, input: OpenGraphInput): void {
    this.#writeImage(path, { kind: 'og', input });
  }

  /**
   * Draws a poster the build will most likely ask for, and keeps it on the thread. Nothing is
   * written until a route asks for it with `writePoster`: only Astro's content decides what the
   * site holds.
   */
  expectPoster(input: PosterInput): void {
    this.#send({ kind: 'prepare', image: { kind: 'poster', input } }).catch(() => undefined);
  }

  /** Lets images be written into the output folder (see the constructor). */
  openOutput(): void {
    this.#openOutput();
  }

  #writeImage(path: string, image: ThreadImage): void {
    const key = JSON.stringify(image);
    const earlier = this.#files.get(path);
    if (earlier?.key === key) return;
    // Drawn now, whether or not the output folder may be written yet.
    this.#send({ kind: 'prepare', image }).catch(() => undefined);
    const write = () => this.#outputReady.then(() => this.#send({ kind: 'file', image, file: join(this.#outDir, path) }));
    const written = earlier ? earlier.written.then(write, write) : write();
    written.catch(() => undefined);
    this.#files.set(path, { key, written });
  }

  /** Once every image `writePoster` and `writeOpenGraph` asked for is written or has failed: how many, or the first failure. */
  async imagesWritten(): Promise<number> {
    const settled = await Promise.allSettled([...this.#files.values()].map((file) => file.written));
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    return this.#files.size;
  }

  /** An app icon's PNG bytes, drawn once per build. */
  icon(icon: IconSpec): Promise<Uint8Array> {
    return this.#once(`icon ${icon.purpose} ${icon.size}`, { kind: 'icon', icon });
  }

  #once(key: string, job: Job): Promise<Uint8Array> {
    let drawn = this.#drawn.get(key);
    if (!drawn) {
      drawn = this.#send(job).then((reply) => ('png' in reply ? reply.png : new Uint8Array()));
      // Images asked for ahead of time may fail before any route awaits them; the route reports it.
      drawn.catch(() => undefined);
      this.#drawn.set(key, drawn);
    }
    return drawn;
  }

  /** Writes the emoji groups into `dir`, the built site; resolves with how many. */
  async writeEmoji(dir: string): Promise<number> {
    const reply = await this.#send({ kind: 'emoji', dir });
    return 'written' in reply ? reply.written : 0;
  }

  #send(job: Job): Promise<ThreadReply> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.ref();
      this.#worker.postMessage({ ...job, id } satisfies ThreadJob);
    });
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}

type Next = (error?: unknown) => void;

/**
 * Serves the emoji groups from node_modules while `astro dev` runs, at the
 * address the build writes them to: `<base>poster-assets/emoji/<group>.json`.
 */
export function serveEmojiGroups(base: string): (request: IncomingMessage, response: ServerResponse, next: Next) => void {
  const prefix = `${base.replace(/\/*$/, '/')}${EMOJI_FOLDER}/`;
  return (request, response, next) => {
    const path = (request.url ?? '').split('?')[0] ?? '';
    if (!path.startsWith(prefix) || !path.endsWith('.json')) return next();
    const group = path.slice(prefix.length, -'.json'.length);
    // Loaded on first use, so a build or a page that needs no emoji never loads Satori here.
    import('./node.ts')
      .then(async ({ emojiGroups, emojiGroupFile }) => {
        if (!(await emojiGroups()).has(group)) {
          response.statusCode = 404;
          response.end();
          return;
        }
        response.setHeader('content-type', 'application/json; charset=utf-8');
        response.end(JSON.stringify(await emojiGroupFile(group)));
      })
      .catch(next);
  };
}

/**
 * The poster's files: build-time posters and the emoji groups, made on a second
 * thread during `astro build`, and the emoji groups served by `astro dev`.
 * `clientsOf` gives each client's slug and theme names, in order, as the content check read them.
 */
export function posterFiles(clientsOf: () => readonly { slug: string; themes: readonly string[] }[]): AstroIntegration {
  let thread: PosterThread | undefined;
  let outDir = '';
  let cacheDir = '';
  let base = '/';
  let emoji: Promise<number> | undefined;
  return {
    name: 'workbook-poster-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(new URL(`${IMAGE_CACHE_FOLDER}/`, config.cacheDir));
        base = config.base.replace(/\/*$/, '/');
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(serveEmojiGroups(base));
      },
      'astro:build:start': () => {
        thread = new PosterThread({ cacheDir, outDir, waitForOutput: true });
        setPosterThread(thread);
        for (const icon of ICONS) void thread.icon(icon);
        for (const client of clientsOf()) thread.expectPoster(prebuiltPosterInput(client.themes));
      },
      // Astro has emptied the output folder before it sets up its first Vite build.
      'astro:build:setup': () => {
        if (emoji || !thread) return;
        thread.openOutput();
        emoji = thread.writeEmoji(outDir);
        emoji.catch(() => undefined);
      },
      'astro:build:done': async ({ logger }) => {
        // Opened in astro:build:setup; opened here too in case a build never set Vite up.
        thread?.openOutput();
        try {
          const [groups, images] = await Promise.all([emoji, thread?.imagesWritten()]);
          if (groups !== undefined) logger.info(`${groups} emoji groups written to ${EMOJI_FOLDER}/`);
          if (images !== undefined) logger.info(`${images} posters and link-preview images written`);
        } finally {
          setPosterThread(undefined);
          await thread?.close();
          thread = undefined;
          emoji = undefined;
        }
      },
    },
  };
}
