import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { prepareServiceWorkers, writeServiceWorkers } from '../offline/service-worker.ts';

/**
 * After `astro build`, gives every client folder (one with a web app manifest)
 * its own service worker over the built output, so `npm run build` always
 * produces an installable workbook that works offline.
 */
export function offline(): AstroIntegration {
  let base = '/';
  let prepared: Promise<void> | undefined;
  return {
    name: 'workbook-offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      // While Vite bundles, the main thread mostly waits: get Workbox and the template ready then.
      'astro:build:start': () => {
        prepared = prepareServiceWorkers();
        prepared.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        await prepared;
        const results = await writeServiceWorkers(fileURLToPath(dir), base);
        for (const [slug, result] of results) {
          for (const warning of result.warnings) logger.warn(`${slug}: ${warning}`);
        }
        const ms = Math.round(performance.now() - started);
        logger.info(`${results.size} service worker${results.size === 1 ? '' : 's'} written in ${ms} ms`);
      },
    },
  };
}
