// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import { contentCheck } from './src/integrations/content-check.ts';
import { offline } from './src/integrations/offline.ts';
import { posterAssets } from './src/integrations/poster-assets.ts';

export default defineConfig({
  site: process.env.SITE_URL,
  base: process.env.BASE_PATH ?? '/',
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [contentCheck(), mdx(), react(), posterAssets(), offline()],
  // Poster workers start from a blob so the client's service worker serves them (src/offline/worker.ts).
  security: { csp: { directives: ["worker-src 'self' blob:"] } },
  devToolbar: { enabled: false },
  // Shiki's inline styles would need 'unsafe-inline' under the CSP; workbooks have no code blocks.
  markdown: { syntaxHighlight: false },
  vite: {
    // React, react-dom and Astro's React renderer go in one chunk: every page with an island loads
    // all of them, and one file gzips smaller than four (about 1.3 KB less per page). The client
    // build only; the rest of the chunks are split by which pages use them, as before.
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|@astrojs[\\/]react)[\\/]/ }],
              },
            },
          },
        },
      },
    },
    // The poster's worker loads satori, its wasm and the fonts by dynamic import, which needs module
    // workers. Its files are named like the rest of the build's (name.hash.ext in _astro/).
    worker: {
      format: 'es',
      rolldownOptions: {
        output: { entryFileNames: '_astro/[name].[hash].js', chunkFileNames: '_astro/[name].[hash].js', assetFileNames: '_astro/[name].[hash][extname]' },
      },
    },
  },
});
