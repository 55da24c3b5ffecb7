/**
 * The build's poster thread: on a second core, while the main thread renders
 * pages, it draws the `/<slug>/poster.png` files and link-preview images with
 * Satori and resvg, draws the app icons, and writes the emoji groups the live
 * poster fetches. Node runs this file as it
 * is (type stripping), so it imports only files Node can load.
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

export type ThreadJob =
  | { id: number; kind: 'poster'; input: PosterInput }
  | { id: number; kind: 'poster-file'; input: PosterInput; file: string }
  | { id: number; kind: 'og'; input: OpenGraphInput }
  | { id: number; kind: 'icon'; icon: IconSpec }
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

/** An image from an earlier build when there is one, else drawn now and kept. A cache that fails only costs time. */
async function cached(kind: string, request: unknown, draw: () => Promise<Uint8Array> | Uint8Array): Promise<Uint8Array> {
  const kept = await cache?.get(kind, request).catch(() => undefined);
  if (kept) return kept;
  const png = await draw();
  await cache?.put(kind, request, png).catch(() => undefined);
  return png;
}

let iconSvg: string | undefined;
// resvg draws on a thread of Node's pool while this thread lays out the next poster with Satori:
// a first build of 100 clients took about 10.2 s this way and 10.4 s drawing here.
const rasterise = (svg: string, width: number) => svgToPngAsync(svg, width);

port.on('message', (job: ThreadJob) => {
  if (job.kind === 'emoji') {
    writeEmojiGroups(job.dir).then((written) => port.postMessage({ id: job.id, written } satisfies ThreadReply), fail(job.id));
    return;
  }
  if (job.kind === 'poster-file') {
    const { file } = job;
    cached('poster', job.input, async () => (await renderPosterPng(job.input, undefined, rasterise)).png)
      .then(async (png) => {
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, png);
        port.postMessage({ id: job.id, written: 1 } satisfies ThreadReply);
      })
      .catch(fail(job.id));
    return;
  }
  let drawn: Promise<Uint8Array>;
  if (job.kind === 'icon') {
    drawn = cached('icon', job.icon, () => {
      iconSvg ??= readFileSync(new URL('../offline/icon.svg', import.meta.url), 'utf8');
      return iconPng(job.icon, iconSvg);
    });
  } else if (job.kind === 'og') {
    drawn = cached('og', job.input, async () => (await renderOpenGraphPng(job.input, undefined, rasterise)).png);
  } else {
    drawn = cached('poster', job.input, async () => (await renderPosterPng(job.input, undefined, rasterise)).png);
  }
  drawn.then((png) => sendPng(job.id, png), fail(job.id));
});
