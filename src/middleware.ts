import { defineMiddleware } from 'astro:middleware';
import { moveIslandStyles } from './lib/island-styles.ts';

/**
 * Every page leaves the renderer with Astro's island stylesheet moved into its
 * head (see src/lib/island-styles.ts), in `astro dev` as in the build.
 */
export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  return new Response(moveIslandStyles(html), { status: response.status, statusText: response.statusText, headers: response.headers });
});
