import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumOrExit } from './lib/chromium.ts';
import { serveStatic } from './lib/serve.ts';
import { contentDir } from '../src/lib/content-check.ts';

// `npm run screenshots`: pictures of the built sample workbook for the README (run `npm run build` first).
const slug = readdirSync(join(contentDir(), 'clients'))
  .filter((file) => file.endsWith('.yaml'))
  .sort()[0]
  ?.replace(/\.yaml$/, '');
if (!slug) {
  console.error('error: screenshots: src/content/clients: expected a sample client, found none');
  process.exit(1);
}

const shots: Array<{ path: string; file: string; width: number; height: number }> = [
  { path: `${slug}/`, file: 'workbook-home.png', width: 1200, height: 900 },
  { path: `${slug}/`, file: 'workbook-home-phone.png', width: 390, height: 844 },
  { path: `coach/${slug}/guide/`, file: 'session-guide.png', width: 1200, height: 900 },
  { path: 'coach/', file: 'coach-dashboard.png', width: 1200, height: 700 },
];

const executablePath = await chromiumOrExit();
const served = await serveStatic('dist');
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
mkdirSync('docs', { recursive: true });
for (const shot of shots) {
  const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height }, deviceScaleFactor: 1 });
  await page.goto(`${served.url}${shot.path}`, { waitUntil: 'networkidle' });
  await page.screenshot({ path: join('docs', shot.file) });
  await page.close();
  console.log(`docs/${shot.file}`);
}
await browser.close();
await served.close();
