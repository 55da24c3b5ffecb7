// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import { checkContent } from './src/lib/content-check.ts';
import { formatProblem } from './src/schemas/problems.ts';

/**
 * Checks every content file before Astro reads it, so a coach sees one line per
 * problem (file, field, expected, found) instead of a stack trace.
 * @returns {import('astro').AstroIntegration}
 */
function contentCheck() {
  return {
    name: 'workbook-content-check',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const problems = checkContent();
        for (const problem of problems) {
          if (problem.level === 'warning') logger.warn(formatProblem(problem));
        }
        const errors = problems.filter((problem) => problem.level === 'error');
        if (errors.length > 0) {
          for (const problem of errors) console.error(formatProblem(problem));
          const error = new Error(`The content has ${errors.length} problem${errors.length === 1 ? '' : 's'}; see the lines above.`);
          error.stack = error.message;
          throw error;
        }
      },
    },
  };
}

export default defineConfig({
  site: process.env.SITE_URL,
  base: process.env.BASE_PATH ?? '/',
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [contentCheck(), mdx(), react()],
  security: { csp: true },
  devToolbar: { enabled: false },
  // Shiki's inline styles would need 'unsafe-inline' under the CSP; workbooks have no code blocks.
  markdown: { syntaxHighlight: false },
});
