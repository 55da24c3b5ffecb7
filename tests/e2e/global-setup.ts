import type { FullConfig } from '@playwright/test';
import { astroBuild } from '../../scripts/lib/build.ts';
import { serveStatic } from '../../scripts/lib/serve.ts';

/** Builds the sample site once (unless SKIP_BUILD=1) and serves it for every test. */
export default async function globalSetup(_config: FullConfig) {
  const dist = process.env.DIST_DIR ?? 'dist';
  if (process.env.SKIP_BUILD !== '1') await astroBuild({ outDir: dist });
  const served = await serveStatic(dist, { port: Number(process.env.PORT ?? 4321) });
  return async () => served.close();
}
