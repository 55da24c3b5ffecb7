import { parseArgs } from 'node:util';
import { serveStatic } from './lib/serve.ts';

// Serves a built site for tests and previews: `node scripts/serve.ts [dir] --port 4321 [--base /sub/]`.
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { port: { type: 'string', default: '4321' }, base: { type: 'string', default: '/' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`error: --port: expected a port number from 0 to 65535, found ${JSON.stringify(values.port)}`);
  process.exit(1);
}
const served = await serveStatic(positionals[0] ?? 'dist', { port, base: values.base });
console.log(`Serving ${positionals[0] ?? 'dist'} at ${served.url}`);
