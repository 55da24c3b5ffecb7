import { join } from 'node:path';
import { astroBuild } from './lib/build.ts';
import { REPO_ROOT } from './lib/fixture-project.ts';
import { CHROMIUM_ARGS, findChromium } from './lib/chromium.ts';
import { PDF_USAGE, parsePdfArgs, readClients, sessionSheetPage, staleReason, writePack, type WrittenPdf } from './lib/pdf.ts';
import { serveStatic } from './lib/serve.ts';

// `npm run pdf`: blank worksheet packs (A4 and Letter) and the session sheet for every client, from the built site.
// The project is the folder the command runs in: the coach's own, or a fixture project in tests.
const contentDir = join('src', 'content');
const dist = process.env.OUT_DIR ?? 'dist';
const base = process.env.BASE_PATH ?? '/';
const known = readClients(contentDir);

const parsed = parsePdfArgs(process.argv.slice(2), known);
if ('error' in parsed) {
  console.error(parsed.error);
  process.exit(1);
}
const { options } = parsed;
if (options.help) {
  console.log(PDF_USAGE);
  process.exit(0);
}
if (known.length === 0) {
  console.error(`error: ${contentDir}/clients: (folder): expected at least one client file, found none (add one with npm run new-client)`);
  process.exit(1);
}

let executablePath: string | undefined;
try {
  executablePath = await findChromium();
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exit(1);
}

const clients = options.clients.length > 0 ? known.filter((client) => options.clients.includes(client.slug)) : known;
const sources = [...['src', 'public', 'astro.config.mjs', 'package.json'].map((path) => join(REPO_ROOT, path)), 'astro.config.mjs', contentDir];
const stale = staleReason(
  dist,
  sources,
  clients.map((client) => client.slug),
);
if (stale) {
  console.log(`Building the site first: ${stale}.`);
  try {
    await astroBuild({ outDir: dist });
  } catch (error) {
    console.error((error as { output?: string }).output ?? (error as Error).message);
    console.error('error: astro build: (site): expected a site that builds, found the errors above');
    process.exit(1);
  }
}

const { chromium } = await import('playwright-core');
const started = performance.now();
const server = await serveStatic(dist, { base });
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const context = await browser.newContext();
const written: WrittenPdf[] = [];
try {
  for (const [index, client] of clients.entries()) {
    const sessionPage = sessionSheetPage(contentDir, client.workbook);
    console.log(`client ${index + 1} of ${clients.length}: ${client.name}${sessionPage ? '' : ' (its workbook has no coach page, so no session sheet)'}`);
    written.push(...(await writePack(context, server.url, client.slug, options.out, options.sessionPaper, sessionPage)));
  }
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}
if (process.exitCode !== 1) {
  const width = Math.max(...written.map((file) => file.path.length));
  console.log(`\nWrote ${written.length} files in ${((performance.now() - started) / 1000).toFixed(1)} s:`);
  for (const file of written) console.log(`  ${file.path.padEnd(width)}  ${file.pages} page${file.pages === 1 ? '' : 's'}`);
}
