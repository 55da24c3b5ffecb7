/**
 * The build's poster thread: draws `/<slug>/poster.png` files with Satori and
 * resvg on a second core while the main thread renders pages. Node runs this
 * file as it is (type stripping), so it imports only files Node can load.
 */
import { parentPort } from 'node:worker_threads';
import type { PosterInput } from './layout.ts';
import { renderPosterPng, svgToPng } from './node.ts';

export interface PosterJob {
  id: number;
  input: PosterInput;
}

export type PosterReply = { id: number; png: Uint8Array } | { id: number; error: string };

if (!parentPort) throw new Error('error: src/poster/build-worker.ts: (thread): expected to run as a worker thread, found the main thread');
const port = parentPort;

port.on('message', (job: PosterJob) => {
  // On this thread nothing else waits, so resvg runs here rather than on Node's pool.
  renderPosterPng(job.input, undefined, (svg, width) => svgToPng(svg, width)).then(
    ({ png }) => {
      const bytes = new Uint8Array(png);
      port.postMessage({ id: job.id, png: bytes } satisfies PosterReply, [bytes.buffer]);
    },
    (error: unknown) => port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies PosterReply),
  );
});
