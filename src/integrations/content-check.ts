import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent, contentDir } from '../lib/content-check.ts';
import { formatProblem } from '../schemas/problems.ts';

/**
 * Checks every content file before Astro reads it, so a coach sees one line per
 * problem (file, field, expected, found) instead of a stack trace.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'workbook-content-check',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const problems = checkContent(contentDir(fileURLToPath(config.root)));
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
