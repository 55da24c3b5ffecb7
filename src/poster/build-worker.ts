/**
 * The build's poster thread: on a second core, while the main thread renders
 * pages, it draws the posters and link-preview images with Satori and resvg and
 * writes them into the site, draws the app icons, and writes the emoji groups
 * the live poster fetches. Node runs this file as it is (type stripping), so it
 * imports only files Node can load.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { iconPng } from '../offline/icons.ts';
import type { IconSpec } from '../offline/manifest.ts';
import type { OpenGraphInput, PosterInput } from './layout.ts';
import { ImageCache } from './image-cache.ts';
import { renderOpenGraphPng, renderPosterPng, svgToPngAsync, writeEmojiGroups } from './node.ts';

/** An image the thread draws. */
export type ThreadImage = { kind: 'poster'; input: PosterInput } | { kind: 'og'; input: OpenGraphInput } | { kind: 'icon'; icon: IconSpec };

/**
 * Draw an image and send its bytes back; draw one ahead of time (`prepare`) or draw it and write
 * it at `file`; or write the emoji groups into `dir`.
 */
export type ThreadJob =
  | ({ id: number } & ThreadImage)
  | { id: number; kind: 'prepare'; image: ThreadImage }
  | { id: number; kind: 'file'; image: ThreadImage; file: string }
  | { id: number; kind: 'emoji'; dir: string };

/** What the thread is started with: where images are kept between builds, if anywhere. */
export interface ThreadOptions {
  cacheDir?: string;
}

export type ThreadReply = { id: number; png: Uint8Array } | { id: number; written: number } | { id: number; error: string };

if (!parentPort) throw new Error('error: src/poster/build-worker.ts: (thread): expected to run as a worker thread, found the main thread');
const port = parentPort;

function fail(id: number) {
  return (error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies ThreadReply);
}

function sendPng(id: number, png: Uint8Array): void {
  const bytes = new Uint8Array(png);
  port.postMessage({ id, png: bytes } satisfies ThreadReply, [bytes.buffer]);
}

const cacheDir = (workerData as ThreadOptions | null)?.cacheDir;
const cache = cacheDir ? new ImageCache(cacheDir) : undefined;
void cache?.prune().catch(() => undefined);

let iconSvg: string | undefined;
// resvg draws on a thread of Node's pool while this thread lays out the next poster with Satori:
// a first build of 100 clients took about 10.2 s this way and 10.4 s drawing here.
const rasterise = (svg: string, width: number) => svgToPngAsync(svg, width);

async function drawNow(image: ThreadImage): Promise<Uint8Array> {
  if (image.kind === 'icon') {
    iconSvg ??= readFileSync(new URL('../offline/icon.svg', import.meta.url), 'utf8');
    return iconPng(image.icon, iconSvg);
  }
  if (image.kind === 'og') return (await renderOpenGraphPng(image.input, undefined, rasterise)).png;
  return (await renderPosterPng(image.input, undefined, rasterise)).png;
}

const drawing = new Map<string, Promise<Uint8Array>>();

/**
 * An image, drawn once per build however often it is asked for: from an earlier build when
 * the cache has it, else drawn now and kept. A cache that fails only costs time.
 */
function draw(image: ThreadImage): Promise<Uint8Array> {
  const request = image.kind === 'icon' ? image.icon : image.input;
  const key = `${image.kind} ${JSON.stringify(request)}`;
  let drawn = drawing.get(key);
  if (!drawn) {
    drawn = (async () => {
      const kept = await cache?.get(image.kind, request).catch(() => undefined);
      if (kept) return kept;
      const png = await drawNow(image);
      await cache?.put(image.kind, request, png).catch(() => undefined);
      return png;
    })();
    drawing.set(key, drawn);
  }
  return drawn;
}

port.on('message', (job: ThreadJob) => {
  if (job.kind === 'emoji') {
    writeEmojiGroups(job.dir).then((written) => port.postMessage({ id: job.id, written } satisfies ThreadReply), fail(job.id));
  } else if (job.kind === 'prepare') {
    draw(job.image).then(() => port.postMessage({ id: job.id, written: 0 } satisfies ThreadReply), fail(job.id));
  } else if (job.kind === 'file') {
    const { file } = job;
    draw(job.image)
      .then(async (png) => {
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, png);
        port.postMessage({ id: job.id, written: 1 } satisfies ThreadReply);
      })
      .catch(fail(job.id));
  } else {
    draw(job).then((png) => sendPng(job.id, png), fail(job.id));
  }
});
