/**
 * `npm run test:engines`: the client's core journey (journey.ts) in Chromium,
 * Firefox and WebKit, one engine after another, against the sample site built
 * once and served as a static host serves it. Exits non-zero, naming the
 * engine and the step, when any step fails or an engine cannot start.
 *
 *   ENGINES=webkit,firefox   only some engines (default: all three)
 *   SKIP_BUILD=1             test the site already in DIST_DIR (default dist)
 *   PORT=4321                where the site is served
 */
import { astroBuild } from '../../scripts/lib/build.ts';
import { serveStatic } from '../../scripts/lib/serve.ts';
import type { EnginePage } from './driver.ts';
import { journey } from './journey.ts';
import { firefoxMissing, PuppeteerPage } from './puppeteer.ts';
import { startWebKitDriver, WebDriverPage, webkitMissing } from './webdriver.ts';

const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
type EngineName = (typeof ENGINES)[number];

const chosen = (process.env.ENGINES ?? ENGINES.join(','))
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
for (const name of chosen) {
  if (!ENGINES.includes(name as EngineName)) {
    console.error(`error: ENGINES: expected a comma-separated list of ${ENGINES.join(', ')}, found ${JSON.stringify(name)}`);
    process.exit(1);
  }
}

/** Starts one engine; `stop` ends everything it started. */
async function launch(name: EngineName): Promise<{ page: EnginePage; stop(): Promise<void> }> {
  if (name === 'chromium') {
    const page = await PuppeteerPage.chromium();
    return { page, stop: () => page.close() };
  }
  if (name === 'firefox') {
    const missing = firefoxMissing();
    if (missing) throw new Error(missing);
    const page = await PuppeteerPage.firefox();
    return { page, stop: () => page.close() };
  }
  const missing = webkitMissing();
  if (missing) throw new Error(missing);
  const driver = await startWebKitDriver();
  try {
    const page = await WebDriverPage.open(driver.url);
    return {
      page,
      async stop() {
        await page.close();
        await driver.stop();
      },
    };
  } catch (error) {
    await driver.stop();
    throw error;
  }
}

const dist = process.env.DIST_DIR ?? 'dist';
if (process.env.SKIP_BUILD !== '1') {
  console.log('Building the sample site…');
  await astroBuild({ outDir: dist });
}
const served = await serveStatic(dist, { port: Number(process.env.PORT ?? 4321) });
const failures: string[] = [];
const started = performance.now();
try {
  for (const name of chosen as EngineName[]) {
    console.log(`\n${name}`);
    let engine: Awaited<ReturnType<typeof launch>> | undefined;
    try {
      engine = await launch(name);
      console.log(`  ${engine.page.engine}`);
      await journey(engine.page, {
        site: served.url,
        serveOnce: () => serveStatic(dist),
        log: (line) => console.log(line),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push(`${name}: ${message}`);
      console.log(`  FAILED  ${message}`);
    } finally {
      await engine?.stop().catch(() => undefined);
    }
  }
} finally {
  await served.close();
}

const seconds = ((performance.now() - started) / 1000).toFixed(0);
if (failures.length > 0) {
  console.error(
    `\nThe core journey failed in ${failures.length} of ${chosen.length} engines (${seconds} s):\n${failures.map((line) => `  ${line}`).join('\n')}`,
  );
  process.exit(1);
}
console.log(`\nThe core journey passed in ${chosen.join(', ')} (${seconds} s).`);
