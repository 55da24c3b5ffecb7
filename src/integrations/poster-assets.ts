import type { AstroIntegration } from 'astro';
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { placeFileSync } from '../lib/files.ts';
import { EMOJI_FOLDER } from '../poster/emoji.ts';
import { emojiGroupJson, emojiGroups } from '../poster/emoji-files.ts';
import { POSTER_FONT_FOLDER } from '../poster/browser/font-urls/index.ts';
import { posterFontSources } from '../poster/browser/font-urls/files.ts';

const WORKER_URL = /\?worker&url$/;
const NO_WORKER = '\0workbook-no-worker';

/**
 * The poster's workers (`…-worker.ts?worker&url`) are started only in the browser. On the server,
 * where islands render their first HTML, such an import gives an empty address instead of a
 * second bundle of each worker with the poster engine in it.
 */
function serverWorkerUrls(): Plugin {
  return {
    name: 'workbook-server-worker-urls',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.config.consumer === 'server',
    resolveId: (id) => (WORKER_URL.test(id) ? NO_WORKER : undefined),
    load: (id) => (id === NO_WORKER ? "export default '';" : undefined),
  };
}

/**
 * What the live poster fetches besides its engine, as static files under the
 * site's base: the font files at `poster-fonts/<name>` (linked or copied from
 * node_modules) and the emoji groups at `poster-assets/emoji/<group>.json`
 * (written from the Twemoji package). Both are made after Astro writes the
 * build and served from node_modules by the dev server, so they stay out of
 * Vite's module graph and out of the pages Astro renders.
 */
export function posterAssets(): AstroIntegration {
  let base = '/';
  return {
    name: 'workbook-poster-assets',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [serverWorkerUrls()] } });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/*$/, '/');
      },
      'astro:server:setup': ({ server }) => {
        const fontPrefix = `${base}${POSTER_FONT_FOLDER}/`;
        const emojiPrefix = `${base}${EMOJI_FOLDER}/`;
        const sources = posterFontSources();
        server.middlewares.use((request, response, next) => {
          const path = decodeURIComponent((request.url ?? '').split('?')[0] ?? '');
          const font = path.startsWith(fontPrefix) ? sources.get(path.slice(fontPrefix.length)) : undefined;
          if (font) {
            response.setHeader('Content-Type', 'font/woff2');
            createReadStream(font.path).pipe(response);
            return;
          }
          if (!path.startsWith(emojiPrefix) || !path.endsWith('.json')) return next();
          emojiGroupJson(path.slice(emojiPrefix.length, -'.json'.length)).then((json) => {
            if (json === undefined) return next();
            response.setHeader('Content-Type', 'application/json; charset=utf-8');
            response.end(json);
          }, next);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const fontFolder = join(out, POSTER_FONT_FOLDER);
        const emojiFolder = join(out, EMOJI_FOLDER);
        mkdirSync(fontFolder, { recursive: true });
        mkdirSync(emojiFolder, { recursive: true });
        // One file after another: the build has nothing else to do meanwhile, and hundreds of
        // file operations started at once measured several times slower than in turn.
        const sources = [...posterFontSources().values()];
        for (const source of sources) placeFileSync(source.path, join(fontFolder, source.name));
        const groups = [...(await emojiGroups()).keys()];
        for (const group of groups) writeFileSync(join(emojiFolder, `${group}.json`), (await emojiGroupJson(group)) ?? '{}');
        logger.info(`${sources.length} poster font files placed in ${POSTER_FONT_FOLDER}/, ${groups.length} emoji groups written to ${EMOJI_FOLDER}/`);
      },
    },
  };
}
