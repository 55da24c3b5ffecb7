import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import sirv from 'sirv';

export interface StaticServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built folder over HTTP on 127.0.0.1, optionally under a sub-path,
 * the way a plain static host would: no SPA fallback, real 404s.
 */
export async function serveStatic(dir: string, options: { port?: number; base?: string; brotli?: boolean } = {}): Promise<StaticServer> {
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  // `brotli`: serves `<file>.br` beside a file when the browser accepts it, as a host with precompressed files does.
  const assets = sirv(dir, { dev: true, etag: true, extensions: ['html'], brotli: options.brotli ?? false });
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base) && `${url}/` !== base) {
      res.statusCode = 404;
      res.end('Not found');
      return;
    }
    req.url = `/${url.slice(base.length)}`;
    assets(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('Not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.webmanifest', '.svg', '.wasm']);

/**
 * Serves a built site on 127.0.0.1 the way a production static host does: text files
 * brotli-compressed (quality 11) when the browser accepts it, else gzip (level 9), and
 * `cache-control: no-cache`. For measuring what a browser downloads and when; the
 * compressed bodies are kept in memory, so each file is compressed once.
 */
export async function serveCompressed(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  const compressed = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = join(root, path);
    if (!file.startsWith(root)) file = '';
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file || !existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const type = extname(file);
    const headers: Record<string, string> = { 'content-type': TYPES[type] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    const accepts = String(request.headers['accept-encoding'] ?? '');
    const encoding = !COMPRESSIBLE.has(type) ? undefined : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : undefined;
    let body: Buffer = readFileSync(file);
    if (encoding) {
      const key = `${encoding} ${file}`;
      const packed =
        compressed.get(key) ??
        (encoding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(body, { level: 9 }));
      compressed.set(key, packed);
      body = packed;
      headers['content-encoding'] = encoding;
      headers.vary = 'accept-encoding';
    }
    response.writeHead(200, headers).end(body);
  });
  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(() => done())) };
}
