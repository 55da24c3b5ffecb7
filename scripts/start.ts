import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { astroBuild } from './lib/build.ts';
import { serveStatic } from './lib/serve.ts';
import { contentDir } from '../src/lib/content-check.ts';

// `npm start`: builds every client's workbook and serves it locally, then prints where to look.
let values: { port?: string };
try {
  ({ values } = parseArgs({ options: { port: { type: 'string', default: '4321' } }, strict: true }));
} catch {
  console.error(`error: start: (arguments): expected --port <number>, found ${JSON.stringify(process.argv.slice(2).join(' '))}`);
  process.exit(1);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`error: start: --port: expected a port number from 1 to 65535, found ${JSON.stringify(values.port)}`);
  process.exit(1);
}

console.log('Building the workbooks…');
try {
  const { ms } = await astroBuild({ outDir: 'dist' });
  console.log(`Built in ${(ms / 1000).toFixed(1)} s.`);
} catch (error) {
  const output = (error as { output?: string }).output ?? String(error);
  const problems = output.split('\n').filter((line) => /^(error|warning): /.test(line));
  console.error(problems.length > 0 ? problems.join('\n') : output);
  process.exit(1);
}

let served;
try {
  served = await serveStatic('dist', { port });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    `error: start: --port: expected a free port, found ${port} ${code === 'EADDRINUSE' ? 'already in use (try --port 4322)' : `unusable (${code})`}`,
  );
  process.exit(1);
}

const clientsDir = join(contentDir(), 'clients');
const clients = readdirSync(clientsDir)
  .filter((file) => /\.ya?ml$/.test(file))
  .map((file) => ({ slug: file.replace(/\.ya?ml$/, ''), name: String((parse(readFileSync(join(clientsDir, file), 'utf8')) as { name?: unknown }).name) }));

console.log(`\nServing at ${served.url}  (Ctrl+C to stop)\n`);
console.log(`Coach dashboard:   ${served.url}coach/`);
for (const client of clients.slice(0, 5)) {
  console.log(`\n${client.name}`);
  console.log(`  Workbook:        ${served.url}${client.slug}/`);
  console.log(`  Session guide:   ${served.url}coach/${client.slug}/guide/`);
  console.log(`  Homework letter: ${served.url}coach/${client.slug}/letter/`);
}
if (clients.length > 5) console.log(`\n…and ${clients.length - 5} more on the dashboard.`);
