import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { astroBuild } from '../lib/build.ts';
import { CHROMIUM_ARGS, findChromium } from '../lib/chromium.ts';
import { readClients, sessionSheetPage, staleReason, writePack } from '../lib/pdf.ts';
import { serveStatic } from '../lib/serve.ts';
import type { BenchResult } from '../lib/bench.ts';

const ROUNDS = 5;

/**
 * Seconds to write one client's PDF pack (blank A4, blank Letter, session
 * sheet) once the browser is warm, as `npm run pdf` does for each client.
 * Uses dist/ when it is current, else builds the sample site into a temporary folder.
 */
export async function run(): Promise<BenchResult[]> {
  const contentDir = join('src', 'content');
  const clients = readClients(contentDir);
  const client = clients[0];
  if (!client) throw new Error(`No client in ${contentDir}/clients to print.`);
  const scratch = mkdtempSync(join(tmpdir(), 'bench-pdf-'));
  let dist = 'dist';
  let buildMs: number | undefined;
  if (staleReason(dist, ['src', 'public', 'astro.config.mjs', 'package.json', contentDir], [client.slug])) {
    dist = join(scratch, 'dist');
    buildMs = (await astroBuild({ outDir: dist })).ms;
  }
  const { chromium } = await import('playwright-core');
  const server = await serveStatic(dist);
  const launchStarted = performance.now();
  const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
  const context = await browser.newContext();
  try {
    const coldStarted = performance.now();
    await writePack(context, server.url, client.slug, join(scratch, 'pdf'), 'A4', sessionSheetPage(contentDir, client.workbook));
    const cold = (performance.now() - coldStarted) / 1000;
    const launch = (coldStarted - launchStarted) / 1000;
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const started = performance.now();
      await writePack(context, server.url, client.slug, join(scratch, 'pdf'), 'A4', sessionSheetPage(contentDir, client.workbook));
      times.push((performance.now() - started) / 1000);
    }
    const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
    return [
      {
        name: 'pdf: one client pack, warm browser',
        value: Number(mean.toFixed(3)),
        unit: 's',
        target: '<= 2 s',
        note: `blank A4 + blank Letter + session sheet; mean of ${ROUNDS}, best ${Math.min(...times).toFixed(2)} s; load average ${loadavg()[0]?.toFixed(1)} when measured`,
      },
      {
        name: 'pdf: first pack, cold browser',
        value: Number((launch + cold).toFixed(3)),
        unit: 's',
        note: `browser launch ${launch.toFixed(2)} s${buildMs === undefined ? '' : `; site built first in ${(buildMs / 1000).toFixed(1)} s (not counted)`}`,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  for (const result of await run())
    console.log(`${result.name}: ${result.value} ${result.unit}${result.target ? ` (target ${result.target})` : ''}${result.note ? ` · ${result.note}` : ''}`);
}
