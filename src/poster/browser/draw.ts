/**
 * Draws the live poster. Satori, its layout.wasm and the fonts load and run in
 * a worker (draw-worker.ts), so the page stays responsive on a phone while the
 * engine starts and while each change is drawn; the same worker encodes the
 * PNGs for download (raster.ts). Every browser the workbook supports has
 * module workers; one without them gets the build-time poster.
 */
import type { PosterInput, PosterValue } from '../layout.ts';
import { controlledWorker } from '../../offline/worker.ts';
import drawWorker from './draw-worker.ts?worker&url';
import { posterMark, recordStages, type StageTimes } from './marks.ts';
import type { EncodeJob } from './raster.ts';
import { WorkerCalls } from './worker-calls.ts';

/** One drawn poster: the SVG and what the page shows beside it. */
export interface Drawn {
  svg: string;
  /** The values the layout put on the poster, most important first. */
  shown: PosterValue[];
  width: number;
  height: number;
}

/**
 * A message without input starts the engine; one with input draws that
 * poster. `first`, with the start, is the poster the page will ask for first,
 * so its fonts load while the engine compiles. A message with `encode` turns a
 * decoded poster into a PNG.
 */
export type DrawRequest = { base: string; input?: PosterInput; first?: PosterInput; encode?: undefined } | { encode: EncodeJob };

/** The worker's answer: the poster or PNG asked for, and when the stages finished since its last answer. */
export type DrawReply = { drawn?: Drawn; png?: Blob; stages: StageTimes };

export interface PosterDrawer {
  draw(input: PosterInput): Promise<Drawn>;
  /** Encodes a decoded poster as PNG in the same worker; the bitmap is transferred to it. */
  encodePng(job: EncodeJob): Promise<Blob>;
}

/**
 * Starts the poster engine. Rejects when it cannot be loaded or compiled, so
 * the island can offer the build-time poster instead.
 */
export async function startDrawing(base: string, first?: PosterInput): Promise<PosterDrawer> {
  posterMark('worker-asked');
  const worker = controlledWorker(drawWorker, { name: 'poster' });
  const calls = new WorkerCalls<DrawRequest, DrawReply>(worker, 'poster');
  try {
    recordStages((await calls.call({ base, first })).stages);
  } catch (error) {
    worker.terminate();
    throw error;
  }
  posterMark('engine-ready');
  return {
    async draw(input) {
      const { drawn, stages } = await calls.call({ base, input });
      recordStages(stages);
      if (!drawn) throw new Error('The poster worker answered without a poster.');
      return drawn;
    },
    async encodePng(job) {
      const { png } = await calls.call({ encode: job }, [job.bitmap]);
      if (!png) throw new Error('The poster worker answered without a PNG.');
      return png;
    },
  };
}
