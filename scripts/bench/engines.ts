/**
 * Time to the first poster preview in Chromium, Firefox and WebKit (not a
 * timed test): from page open (the navigation's start) to the first preview
 * of the client's own poster, and to the engine's drawing that replaces it,
 * on a quiet machine and with the processor loaded by two CPU-bound helper
 * processes running beside the browser. Each figure is the median of a few
 * cold first visits (a fresh browser profile each time). A figure that could
 * not be measured is reported as missing (NaN with the reason), never as 0.
 *
 * The poster island posts `poster:*` performance marks (src/poster/browser/marks.ts),
 * including the worker's own stages, so the notes say where the time went.
 *
 *   node scripts/bench/engines.ts          prints the figures
 *   BENCH_DIST=dist                        use a built site instead of building one
 *   BENCH_RUNS=3  ENGINES=webkit,firefox   runs per figure, and which engines
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { astroBuild } from '../lib/build.ts';
import { median, type BenchResult } from '../lib/bench.ts';
import { serveStatic } from '../lib/serve.ts';
import type { EnginePage } from '../../tests/engines/driver.ts';
import { firefoxMissing, PuppeteerPage } from '../../tests/engines/puppeteer.ts';
import { startWebKitDriver, WebDriverPage, webkitMissing, type WebKitDriver } from '../../tests/engines/webdriver.ts';

const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
type EngineName = (typeof ENGINES)[number];
const LABEL: Record<EngineName, string> = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };
/** The stages, in the order they happen, as the island and its worker mark them. */
const STAGES = [
  'island-hydrated',
  'sketch-shown',
  'worker-asked',
  'worker-running',
  'satori-loaded',
  'wasm-compiled',
  'satori-warm',
  'fonts-loaded',
  'engine-ready',
  'first-drawing',
  'preview-shown',
];
const WAIT_MS = 60_000;

type Marks = Record<string, number>;

/** Two busy loops beside the browser: a phone whose processor is shared. */
function loadProcessor(): () => void {
  const children: ChildProcess[] = [0, 1].map(() => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
  return () => {
    for (const child of children) child.kill('SIGKILL');
  };
}

/** Opens the poster page in a fresh browser and returns the poster's marks (ms after page open). */
async function oneVisit(page: EnginePage, url: string): Promise<Marks> {
  await page.goto(url);
  const deadline = Date.now() + WAIT_MS;
  let marks: Marks = {};
  while (Date.now() < deadline) {
    marks = await page.evaluate<Marks>(
      `Object.fromEntries(performance.getEntriesByType('mark').filter((mark) => mark.name.startsWith('poster:')).map((mark) => [mark.name.slice(7), mark.startTime]))`,
    );
    if (marks['preview-shown'] !== undefined) return marks;
    await sleep(100);
  }
  return marks;
}

async function openPage(engine: EngineName, webkit: () => Promise<WebKitDriver>): Promise<{ page: EnginePage; close(): Promise<void> }> {
  if (engine === 'chromium') {
    const page = await PuppeteerPage.chromium({ width: 1280, height: 1400 });
    return { page, close: () => page.close() };
  }
  if (engine === 'firefox') {
    const missing = firefoxMissing();
    if (missing) throw new Error(missing);
    const page = await PuppeteerPage.firefox({ width: 1280, height: 1400 });
    return { page, close: () => page.close() };
  }
  const missing = webkitMissing();
  if (missing) throw new Error(missing);
  const page = await WebDriverPage.open((await webkit()).url, { width: 1280, height: 1400 });
  return { page, close: () => page.close() };
}

const seconds = (ms: number) => Math.round(ms) / 1000;

function describeStages(runs: Marks[]): string {
  const parts = STAGES.map((stage) => {
    const times = runs.map((marks) => marks[stage]).filter((time): time is number => time !== undefined);
    return times.length === 0 ? undefined : `${stage} ${seconds(median(times)).toFixed(2)}`;
  }).filter(Boolean);
  return `median seconds after page open: ${parts.join(', ')}`;
}

export async function run(): Promise<BenchResult[]> {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const engines = (process.env.ENGINES ?? ENGINES.join(',')).split(',').map((name) => name.trim()) as EngineName[];
  const scratch = process.env.BENCH_DIST ? undefined : mkdtempSync(join(tmpdir(), 'bench-engines-'));
  const dist = process.env.BENCH_DIST ?? join(scratch!, 'dist');
  const results: BenchResult[] = [];
  let driver: Promise<WebKitDriver> | undefined;
  const webkit = () => (driver ??= startWebKitDriver());
  try {
    if (scratch) await astroBuild({ outDir: dist });
    const slug = readdirSync(dist).find((name) => /^[a-z0-9]+-[a-z0-9]{20,}$/.test(name));
    if (!slug) throw new Error(`error: ${dist}: (folder): expected a client workbook folder, found none`);
    const served = await serveStatic(dist, { port: 0 });
    try {
      for (const condition of ['quiet', 'loaded'] as const) {
        for (const engine of engines) {
          const visits: Marks[] = [];
          const loads: number[] = [];
          let problem = '';
          for (let index = 0; index < runs; index += 1) {
            const stopLoad = condition === 'loaded' ? loadProcessor() : () => undefined;
            let opened: Awaited<ReturnType<typeof openPage>> | undefined;
            try {
              if (condition === 'loaded') await sleep(500);
              opened = await openPage(engine, webkit);
              visits.push(await oneVisit(opened.page, `${served.url}${slug}/poster/`));
              loads.push(loadavg()[0]!);
            } catch (error) {
              problem = (error as Error).message.split('\n')[0]!;
            } finally {
              await opened?.close().catch(() => undefined);
              stopLoad();
            }
          }
          const note = (what: string, times: number[]) =>
            times.length === 0
              ? `missing: ${problem || `no ${what} within ${WAIT_MS / 1000} s`}`
              : `median of ${times.length} cold visits (${times.map((time) => seconds(time).toFixed(2)).join(', ')} s)${times.length < runs ? `, ${runs - times.length} without a figure${problem ? `: ${problem}` : ''}` : ''}; ` +
                `${condition === 'loaded' ? 'two CPU-bound helpers beside the browser; ' : ''}load average ${loads.length ? median(loads).toFixed(1) : 'unknown'}`;
          const figure = (name: string, stage: string, target: string | undefined, withStages: boolean): BenchResult => {
            const times = visits.map((marks) => marks[stage]).filter((time): time is number => time !== undefined);
            return {
              name: `${name}, ${LABEL[engine]}, ${condition}`,
              value: times.length === 0 ? Number.NaN : seconds(median(times)),
              unit: 's',
              target,
              note: `${note(name.toLowerCase(), times)}${withStages && visits.length ? `; ${describeStages(visits)}` : ''}`,
            };
          };
          const target = condition === 'quiet' ? '<= 2' : engine === 'webkit' ? '<= 3' : undefined;
          results.push(figure('First poster preview', 'sketch-shown', target, false));
          results.push(figure('Engine-drawn poster preview', 'preview-shown', undefined, true));
        }
      }
    } finally {
      await served.close();
    }
  } finally {
    if (driver) await (await driver.catch(() => undefined))?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const result of await run()) {
    console.log(`${result.name}: ${result.value} ${result.unit}${result.target ? ` (target ${result.target})` : ''}${result.note ? ` — ${result.note}` : ''}`);
  }
}
