import { createServer, type Server } from 'node:http';
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
