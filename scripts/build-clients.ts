import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { astroBuild } from './lib/build.ts';
import { basePathOf, readContentFacts, type ContentFacts } from './lib/content.ts';
import { findLeaks, REVIEW_FOLDER, splitBuild, type SplitFolder } from './lib/split.ts';
import { BuiltSite } from '../src/offline/built-site.ts';
import { clientFolders, selectPrecache, sharedManifest, writeServiceWorker } from '../src/offline/service-worker.ts';
import { describeValue, formatProblem } from '../src/schemas/problems.ts';

const USAGE = `Builds one private deploy folder per client.

Usage: npm run build:clients [-- --base /workbooks/] [--out dist-clients]

  --base <path>  The path the folders will be served under, such as /workbooks/ for
                 https://coach.example/workbooks/<slug>/, or / for the root of a host.
                 Default: the path of baseUrl in coach.yaml, which letters and share links use.
  --out <dir>    Where the folders go. Default: dist-clients
  --help         Show this help.

Each dist-clients/<slug>/ holds that client's pages, poster and assets, and nothing of
any other client. dist-clients/${REVIEW_FOLDER}/ holds your review pages, which open the
answers clients send with "Share with my coach". See docs/deploy.md.`;

const MARKER = '.build-clients.json';
// The project folder: the coach's own (this repository) or a fixture project, whichever the command runs in.
const root = process.cwd();

/** Stops the script with lines already in the project's error style. */
class Stop extends Error {
  readonly lines: string[];
  constructor(lines: string[]) {
    super(lines.join('\n'));
    this.lines = lines;
  }
}

function fail(field: string, expected: string, found: string): never {
  throw new Stop([formatProblem({ level: 'error', file: 'build:clients', field, expected, found })]);
}

function readFlags(): { base: string | undefined; out: string } {
  let values: { base?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      allowPositionals: false,
      strict: true,
      options: { base: { type: 'string' }, out: { type: 'string', default: 'dist-clients' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const flag = /'([^']+)'/.exec(message)?.[1] ?? '(flags)';
    if (/argument missing|requires a value/i.test(message)) fail(flag.split(' ')[0] ?? flag, 'a value after the flag', 'nothing');
    if (/positional/i.test(message)) fail(flag, 'only --base, --out and --help (see --help)', `an extra argument ${describeValue(flag)}`);
    fail(flag, 'one of --base, --out, --help', 'an unknown flag');
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  let base = values.base;
  if (base !== undefined) {
    if (!/^\/[A-Za-z0-9._~/-]*$/.test(base) || /\/\/|(^|\/)\.\.?(\/|$)/.test(base)) {
      fail('--base', 'a path like /workbooks/ or / (letters, digits, . _ ~ - and /)', describeValue(base));
    }
    if (!base.endsWith('/')) base = `${base}/`;
  }
  const out = values.out ?? 'dist-clients';
  if (out.trim() === '') fail('--out', 'a folder name', 'an empty text');
  return { base, out };
}

/** Refuses to empty a folder that this script did not make. */
function checkOutDir(out: string): void {
  const abs = resolve(root, out);
  if (abs === root || relative(abs, root) === '' || !relative(abs, root).startsWith('..')) {
    fail('--out', 'a folder inside or beside the project, not the project itself', describeValue(out));
  }
  if (existsSync(abs) && readdirSync(abs).length > 0 && !existsSync(join(abs, MARKER))) {
    fail('--out', `an empty folder or one made by build:clients (with ${MARKER})`, `a folder with other files (${describeValue(out)})`);
  }
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function main(): Promise<void> {
  const flags = readFlags();
  const contentDir = join(root, 'src', 'content');
  let content: ContentFacts;
  try {
    content = readContentFacts(contentDir);
  } catch (error) {
    throw new Stop([error instanceof Error ? error.message : String(error)]);
  }
  const { clients } = content;
  if (clients.length === 0) {
    throw new Stop([
      formatProblem({
        level: 'error',
        file: relative(root, join(contentDir, 'clients')),
        field: '(folder)',
        expected: 'at least one client (npm run new-client)',
        found: 'no client files',
      }),
    ]);
  }
  const base = flags.base ?? basePathOf(content.baseUrl);
  checkOutDir(flags.out);

  // Letters and share links use each client's baseUrl: say so when the folders will live elsewhere.
  const elsewhere = new Map<string, string[]>();
  for (const client of clients) {
    const path = basePathOf(client.baseUrl);
    if (path !== base) elsewhere.set(path, [...(elsewhere.get(path) ?? []), client.slug]);
  }
  for (const [path, slugs] of elsewhere) {
    const who = slugs.length === 1 ? `client ${slugs[0]}` : `${slugs.length} clients`;
    console.warn(
      formatProblem({
        level: 'warning',
        file: 'build:clients',
        field: '--base',
        expected: `${path}, the path in the baseUrl that the letters and share links of ${who} use`,
        found: base,
      }),
    );
  }

  const started = performance.now();
  const outDir = resolve(root, flags.out);
  await mkdir(join(root, '.tmp'), { recursive: true });
  const buildDir = await mkdtemp(join(root, '.tmp', 'build-clients-'));
  try {
    console.log(`Building ${clients.length} client workbook${clients.length === 1 ? '' : 's'} in one Astro build (base ${base})…`);
    let pages = 0;
    const built = await astroBuild({
      root,
      outDir: buildDir,
      base,
      onOutput: (text) => {
        const before = pages;
        pages += (text.match(/\(\+\d+ms\)/g) ?? []).length;
        if (Math.floor(pages / 250) > Math.floor(before / 250)) console.log(`  ${pages} pages built…`);
      },
    }).catch((error: Error & { output?: string }) => {
      const output = error.output ?? error.message;
      const lines = output.split('\n').filter((line) => /^(error|warning):/.test(line.trim()));
      throw new Stop([...(lines.length > 0 ? lines : [output]), 'error: build:clients: astro build: expected a successful build, found the problems above']);
    });
    console.log(`  ${pages} pages built in ${seconds(built.ms)}.`);

    console.log(`Splitting into ${relative(root, outDir) || '.'}/ …`);
    await rm(outDir, { recursive: true, force: true });
    await mkdir(outDir, { recursive: true });
    const step = Math.max(1, Math.ceil(clients.length / 10));
    // The folders' shared files are byte-for-byte copies of the build's, so each is read and hashed once, here.
    const site = await BuiltSite.open(buildDir, base);
    const sharedPaths = new Set(clientFolders(buildDir).flatMap((slug) => selectPrecache(site, slug).shared));
    const shared = await sharedManifest(buildDir, [...sharedPaths], base);
    const folders = await splitBuild({
      distDir: buildDir,
      site,
      outDir,
      slugs: clients.map((client) => client.slug),
      base,
      publicDir: fileURLToPath(new URL('../public', import.meta.url)),
      onFolder: async (folder, index, total) => {
        // Each client's service worker is written again over the folder itself, so it precaches exactly what the folder holds.
        if (folder.kind === 'client' && folder.slug) await writeServiceWorker({ dir: folder.dir, slug: folder.slug, urlPrefix: base, shared });
        if ((index + 1) % step === 0 || index + 1 === total) console.log(`  ${index + 1} of ${total} folders written`);
      },
    });

    const leaks = await findLeaks(
      folders,
      clients.map((client) => ({
        slug: client.slug,
        strings: [
          { text: client.slug, kind: 'slug' as const },
          { text: client.name, kind: 'name' as const },
          ...client.evidence.map((text) => ({ text, kind: 'evidence quote' as const })),
        ],
      })),
    );
    if (leaks.length > 0) {
      await rm(outDir, { recursive: true, force: true });
      throw new Stop([
        ...leaks.slice(0, 20).map((leak) =>
          formatProblem({
            level: 'error',
            file: `${relative(root, leak.folder)}/${leak.file}`,
            field: '(file)',
            expected: 'nothing of another client',
            found: leak.what,
          }),
        ),
        `error: build:clients: folders: expected each folder to hold one client only, found ${leaks.length} strings of other clients; the folders were removed`,
      ]);
    }
    await writeFile(join(outDir, MARKER), `${JSON.stringify({ generator: 'npm run build:clients', base, folders: folders.length }, null, 2)}\n`);
    printSummary(folders, outDir, base, content.baseUrl, performance.now() - started);
  } finally {
    await rm(buildDir, { recursive: true, force: true });
  }
}

function printSummary(folders: SplitFolder[], outDir: string, base: string, baseUrl: string, ms: number): void {
  const rel = relative(root, outDir) || '.';
  const width = Math.max(...folders.map((folder) => `${rel}/${folder.dir.slice(outDir.length + 1)}/`.length), 10);
  console.log('');
  console.log(`${'folder'.padEnd(width)}  ${'files'.padStart(6)}  ${'size'.padStart(9)}`);
  let total = 0;
  for (const folder of folders) {
    total += folder.bytes;
    const name = `${rel}/${folder.dir.slice(outDir.length + 1)}/`;
    console.log(
      `${name.padEnd(width)}  ${String(folder.files.length).padStart(6)}  ${size(folder.bytes).padStart(9)}${folder.kind === 'review' ? '  (your review pages)' : ''}`,
    );
  }
  const clientCount = folders.filter((folder) => folder.kind === 'client').length;
  console.log('');
  console.log(`${clientCount} client folder${clientCount === 1 ? '' : 's'}, ${size(total)} in all, in ${seconds(ms)}.`);
  const host = new URL(baseUrl).origin;
  console.log(`Serve each folder's contents at ${host}${base}; a client's workbook is then ${host}${base}<slug>/.`);
  console.log(`Upload ${REVIEW_FOLDER}/ to the same place to open the answers clients share. Steps per host: docs/deploy.md`);
}

try {
  await main();
} catch (error) {
  if (!(error instanceof Stop)) throw error;
  for (const line of error.lines) console.error(line);
  process.exitCode = 1;
}
