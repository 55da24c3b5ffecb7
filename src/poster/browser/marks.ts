/**
 * Performance marks for the poster's path to its first preview. The worker
 * notes when each stage ends (on its own clock, as milliseconds since the
 * epoch) and sends them with its answer; the page records them as
 * `performance.mark('poster:…')` entries on its own timeline, where the
 * bench (scripts/bench/engines.ts) and the browser's profiler read them.
 */
export type StageTimes = Record<string, number>;

/** The time now on a clock every thread shares. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Records a mark on this page's timeline, at an epoch time (default: now). Ignored where marks with a start time are not supported. */
export function posterMark(name: string, epoch: number = epochNow()): void {
  try {
    performance.mark(`poster:${name}`, { startTime: Math.max(0, epoch - performance.timeOrigin) });
  } catch {
    // An engine without the mark options: the figures are only for measuring.
  }
}

/** Records the stages a worker reported. */
export function recordStages(times: StageTimes | undefined): void {
  for (const [name, epoch] of Object.entries(times ?? {})) posterMark(name, epoch);
}
