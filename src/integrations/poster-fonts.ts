import type { AstroIntegration } from 'astro';
import { constants, createReadStream } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { POSTER_FONT_FOLDER } from '../poster/browser/font-urls/index.ts';
import { posterFontSources } from '../poster/browser/font-urls/files.ts';

/**
 * The live poster's font files as static files at `<base>poster-fonts/<name>`:
 * copied into the build after Astro writes it, and served from node_modules by
 * the dev server. They stay out of Vite's module graph, so the client build
 * does not process some five hundred font files.
 */
export function posterFonts(): AstroIntegration {
  let base = '/';
  return {
    name: 'workbook-poster-fonts',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/*$/, '/');
      },
      'astro:server:setup': ({ server }) => {
        const prefix = `${base}${POSTER_FONT_FOLDER}/`;
        const sources = posterFontSources();
        server.middlewares.use((request, response, next) => {
          const path = (request.url ?? '').split('?')[0] ?? '';
          const source = path.startsWith(prefix) ? sources.get(decodeURIComponent(path.slice(prefix.length))) : undefined;
          if (!source) return next();
          response.setHeader('Content-Type', 'font/woff2');
          createReadStream(source.path).pipe(response);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const folder = join(fileURLToPath(dir), POSTER_FONT_FOLDER);
        await mkdir(folder, { recursive: true });
        const sources = [...posterFontSources().values()];
        // Reflinks where the file system has them: the same bytes, no copying.
        await Promise.all(sources.map((source) => copyFile(source.path, join(folder, source.name), constants.COPYFILE_FICLONE)));
        logger.info(`${sources.length} poster font files copied to ${POSTER_FONT_FOLDER}/`);
      },
    },
  };
}
