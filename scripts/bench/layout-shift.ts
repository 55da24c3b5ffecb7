// Layout shift on a first visit from a slow phone: every client page and every coach page,
// opened cold on a throttled phone profile, several times each; the worst cumulative layout
// shift per page is the figure.
//
//   npm run bench                                     runs it with the other modules
//   node scripts/bench/layout-shift.ts                this module alone, on a fresh build
//   node scripts/bench/layout-shift.ts --dist dist --runs 2   on an existing build, fewer runs
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { astroBuild } from '../lib/build.ts';
import { CHROMIUM_ARGS, findChromium } from '../lib/chromium.ts';
import { builtPages, type BuiltPage, type PageKind } from '../lib/pages.ts';
import { serveCompressed } from '../lib/serve.ts';
import { standaloneFlags, type BenchResult } from '../lib/bench.ts';

/** Lighthouse's mobile preset: a Moto G Power sized screen on slow 4G, with a processor four times slower than the host. */
export const PHONE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  /** 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip, as Lighthouse's simulated slow 4G. */
  network: { offline: false, latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  cpuSlowdown: 4,
} as const;

/** The largest shift allowed on any page, worst of the runs. */
export const CLS_TARGET = 0.02;
const RUNS = 5;
/** How long a page is watched once its network is quiet and its fonts are in, for islands and notices that come late. */
const SETTLE_MS = 2500;
const KINDS: readonly PageKind[] = ['client home', 'homework page', 'ranking page', 'poster page', 'print page', 'coach dashboard', 'coach page'];

/** One shift, with the elements that moved, for finding its cause. */
export interface Shift {
  value: number;
  at: number;
  sources: string[];
}

declare global {
  interface Window {
    __layoutShifts?: Shift[];
  }
}

/**
 * Collects every layout shift not caused by input, from the first one (the observer is buffered),
 * into `window.__layoutShifts`. Runs before any of the page's own scripts.
 */
function observeShifts(): void {
  const shifts: Shift[] = [];
  window.__layoutShifts = shifts;
  const describe = (node: Node | null): string => {
    if (!(node instanceof Element)) return node ? node.nodeName.toLowerCase() : '(gone)';
    const classes = [...node.classList].slice(0, 2).join('.');
    const text = (node.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${node.tagName.toLowerCase()}${classes ? `.${classes}` : ''}${text ? ` “${text}”` : ''}`;
  };
  interface LayoutShiftEntry extends PerformanceEntry {
    value: number;
    hadRecentInput: boolean;
    sources?: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as LayoutShiftEntry[]) {
      if (entry.hadRecentInput) continue;
      shifts.push({
        value: entry.value,
        at: Math.round(entry.startTime),
        sources: (entry.sources ?? []).map((source) => `${describe(source.node)} ${Math.round(source.previousRect.y)}→${Math.round(source.currentRect.y)}px`),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/**
 * A fresh context and page on the phone profile, for a first visit: no service worker and no
 * HTTP cache, the slow network and the slow processor applied, and every layout shift recorded
 * from the first one (read them with `shiftsOn`). The caller closes the context.
 */
export async function openOnPhone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: PHONE.viewport,
    deviceScaleFactor: PHONE.deviceScaleFactor,
    isMobile: true,
    hasTouch: true,
    // A service worker from an earlier visit would answer from its cache: this is a first visit.
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', PHONE.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
    await page.addInitScript(observeShifts);
    return { context, page };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** The layout shifts a page opened with `openOnPhone` has recorded so far. */
export async function shiftsOn(page: Page): Promise<Shift[]> {
  const shifts = await page.evaluate(() => window.__layoutShifts);
  if (!shifts) throw new Error(`${page.url()}: the layout-shift observer did not run`);
  return shifts;
}

/** Opens one page cold on the phone profile and returns the shifts seen while it loaded and settled. */
export async function loadCold(browser: Browser, url: string): Promise<Shift[]> {
  const { context, page } = await openOnPhone(browser);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    // Islands and the poster engine load after the load event: wait for the network to go quiet.
    await page.waitForLoadState('networkidle', { timeout: 120_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForTimeout(SETTLE_MS);
    return await shiftsOn(page);
  } finally {
    await context.close();
  }
}

export function total(shifts: readonly Shift[]): number {
  return shifts.reduce((sum, shift) => sum + shift.value, 0);
}

/** What a page is called in the figures: its kind and the last part of its path, without the private slug. */
function label(page: BuiltPage): string {
  const parts = page.path.split('/').filter(Boolean);
  const last = parts.length > 1 ? parts[parts.length - 1] : undefined;
  return last && page.kind !== 'ranking page' && page.kind !== 'poster page' && page.kind !== 'print page' ? `${page.kind} (${last})` : page.kind;
}

export async function run(options: { dist?: string; runs?: number } = {}): Promise<BenchResult[]> {
  // The worst of at least five loads per page, whatever the bench's timed-run count: one lucky load hides a shift.
  const runs = Math.max(options.runs ?? RUNS, options.dist === undefined ? RUNS : 1);
  const work = join('.tmp', 'bench-layout-shift');
  let dist = options.dist;
  if (!dist) {
    rmSync(work, { recursive: true, force: true });
    dist = join(work, 'dist');
    await astroBuild({ outDir: dist });
  }
  const pages = builtPages(dist).filter((page) => KINDS.includes(page.kind));
  if (pages.length === 0) throw new Error(`error: ${dist}: expected client and coach pages, found none`);
  const executablePath = await findChromium();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const server = await serveCompressed(resolve(dist));
  const results: BenchResult[] = [];
  try {
    for (const page of pages) {
      const totals: number[] = [];
      let worst: Shift[] = [];
      for (let index = 0; index < runs; index += 1) {
        const shifts = await loadCold(browser, `${server.url}${page.path.slice(1)}`);
        const value = total(shifts);
        if (totals.every((seen) => value > seen)) worst = shifts;
        totals.push(value);
      }
      const largest = [...worst].sort((a, b) => b.value - a.value)[0];
      results.push({
        name: `layout shift: ${label(page)}, worst of ${runs} cold phone loads`,
        value: Math.max(...totals),
        unit: 'CLS',
        target: `<= ${CLS_TARGET}`,
        note:
          `runs: ${totals.map((value) => value.toFixed(3)).join(', ')}` +
          (largest ? `; largest shift ${largest.value.toFixed(3)} at ${largest.at} ms: ${largest.sources.join('; ') || 'no source reported'}` : ''),
      });
    }
  } finally {
    await server.close();
    await browser.close();
    if (!options.dist) rmSync(work, { recursive: true, force: true });
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const result of await run(standaloneFlags(RUNS))) {
    console.log(
      `${result.name}: ${result.value === undefined ? 'missing' : result.value.toFixed(3)} ${result.unit} (target ${result.target}) · ${result.note}`,
    );
  }
}
