// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import { contentCheck } from './src/integrations/content-check.ts';
import { offline } from './src/integrations/offline.ts';
import { posterFonts } from './src/integrations/poster-fonts.ts';

export default defineConfig({
  site: process.env.SITE_URL,
  base: process.env.BASE_PATH ?? '/',
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [contentCheck(), mdx(), react(), posterFonts(), offline()],
  // Poster workers start from a blob so the client's service worker serves them (src/offline/worker.ts).
  security: { csp: { directives: ["worker-src 'self' blob:"] } },
  devToolbar: { enabled: false },
  // Shiki's inline styles would need 'unsafe-inline' under the CSP; workbooks have no code blocks.
  markdown: { syntaxHighlight: false },
  // The poster's worker loads satori, its wasm and the fonts by dynamic import, which needs module
  // workers. Its files are named like the rest of the build's (name.hash.ext in _astro/).
  vite: {
    worker: {
      format: 'es',
      rolldownOptions: {
        output: { entryFileNames: '_astro/[name].[hash].js', chunkFileNames: '_astro/[name].[hash].js', assetFileNames: '_astro/[name].[hash][extname]' },
      },
    },
  },
});
