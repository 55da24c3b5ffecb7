/**
 * This project's Astro config with some of its parts switched off, for the benchmark that
 * measures what each part costs a first build (scripts/bench/build-parts.ts). Never used to
 * build a site anyone receives: a build without a part lacks a feature.
 */
import type { AstroIntegration, AstroUserConfig } from 'astro';
import type { Plugin } from 'vite';

/** The parts of a build that the bare Astro floor does not have, each measured on its own. */
export const PARTS = {
  offline: 'the service workers (src/integrations/offline.ts)',
  'poster-files': 'the live poster’s fonts and emoji placed after the build (src/integrations/poster-assets.ts)',
  'poster-worker': 'the live poster’s worker bundle, with Satori (src/poster/browser/draw-worker.ts)',
  images: 'the images drawn at build time: poster, link preview, app icons (src/pages/**/*.png.ts)',
} as const;

export type Part = keyof typeof PARTS;

const WORKER_URL = /\?worker&url$/;
const NO_WORKER = '\0build-parts-no-worker';
const IMAGE_ROUTE = /[\\/]src[\\/]pages[\\/].*\.png\.ts$/;

/** Every `…?worker&url` import becomes an empty address, so no worker is bundled. */
function noWorkers(): Plugin {
  return {
    name: 'build-parts-no-workers',
    enforce: 'pre',
    resolveId: (id) => (WORKER_URL.test(id) ? NO_WORKER : undefined),
    load: (id) => (id === NO_WORKER ? "export default '';" : undefined),
  };
}

/** Every image route gives no paths, so nothing is drawn. */
function noImages(): Plugin {
  return {
    name: 'build-parts-no-images',
    enforce: 'pre',
    load: (id) =>
      IMAGE_ROUTE.test(id.split('?')[0] ?? '') ? "export const getStaticPaths = () => [];\nexport const GET = () => new Response('');" : undefined,
  };
}

function withoutHook(integration: AstroIntegration, hook: keyof AstroIntegration['hooks']): AstroIntegration {
  return { ...integration, hooks: { ...integration.hooks, [hook]: undefined } };
}

/** `config` without `parts`. */
export function withoutParts(config: AstroUserConfig, parts: readonly Part[]): Omit<AstroUserConfig, 'integrations'> & { integrations: AstroIntegration[] } {
  const off = new Set(parts);
  const integrations = (config.integrations ?? [])
    .flat()
    .filter((integration): integration is AstroIntegration => Boolean(integration))
    .filter((integration) => !(off.has('offline') && integration.name === 'workbook-offline'))
    .map((integration) =>
      off.has('poster-files') && integration.name === 'workbook-poster-assets' ? withoutHook(integration, 'astro:build:done') : integration,
    );
  const plugins: Plugin[] = [...(off.has('poster-worker') ? [noWorkers()] : []), ...(off.has('images') ? [noImages()] : [])];
  return { ...config, integrations, vite: { ...config.vite, plugins: [...(config.vite?.plugins ?? []), ...plugins] } };
}
