import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join, resolve, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { contentDir, loadContent, type Content } from '../lib/content-check.ts';
import { formatProblem, type Problem } from '../schemas/problems.ts';

/** The module the pages read the content from: `import content from 'virtual:workbook/content'`. */
const MODULE_ID = 'virtual:workbook/content';
const RESOLVED_ID = `\0${MODULE_ID}`;

function errorsOf(problems: readonly Problem[]): Problem[] {
  return problems.filter((problem) => problem.level === 'error');
}

/** One error for a build that must stop: each problem on its own line, then a summary. */
function contentError(errors: readonly Problem[]): Error {
  for (const problem of errors) console.error(formatProblem(problem));
  const error = new Error(`The content has ${errors.length} problem${errors.length === 1 ? '' : 's'}; see the lines above.`);
  error.stack = error.message;
  return error;
}

/**
 * Serves the checked content to the pages, with a loader for each page's compiled body. A build
 * uses what the check read; `astro dev` reads the files again whenever one changes, and reloads.
 */
function contentModule(dir: string, checked: Content): Plugin {
  let server: ViteDevServer | undefined;
  return {
    name: 'workbook-content',
    resolveId(id) {
      return id === MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      let content = checked;
      if (server) {
        const { problems, content: fresh } = loadContent(dir);
        const errors = errorsOf(problems);
        if (errors.length > 0) throw new Error(errors.map(formatProblem).join('\n'));
        content = fresh;
      }
      // Letters are templates read as text (their `layout` would mean something else to Markdown); every other page's body is compiled.
      const bodies = content.pages
        .filter((page) => page.data.layout !== 'letter')
        .map((page) => `  ${JSON.stringify(page.id)}: () => import(${JSON.stringify(join(dir, 'workbooks', page.file))}),`);
      return `export default ${JSON.stringify(content)};\nexport const bodies = {\n${bodies.join('\n')}\n};\n`;
    },
    configureServer(dev) {
      server = dev;
      const changed = (path: string) => {
        if (!resolve(path).startsWith(dir + sep) || !/\.(ya?ml|mdx?)$/.test(path)) return;
        for (const environment of Object.values(dev.environments)) {
          const module = environment.moduleGraph.getModuleById(RESOLVED_ID);
          if (module) environment.moduleGraph.invalidateModule(module);
        }
        dev.ws.send({ type: 'full-reload' });
      };
      dev.watcher.add(dir);
      dev.watcher.on('add', changed);
      dev.watcher.on('change', changed);
      dev.watcher.on('unlink', changed);
    },
  };
}

/**
 * Reads and checks every content file once, before Astro builds anything, so a coach sees one
 * line per problem (file, field, expected, found) instead of a stack trace; the pages then read
 * what was checked from `virtual:workbook/content`, and the workbook pages' bodies from their files.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'workbook-content-check',
    hooks: {
      'astro:config:setup': ({ config, logger, updateConfig }) => {
        const dir = contentDir(fileURLToPath(config.root));
        const { problems, content } = loadContent(dir);
        for (const problem of problems) {
          if (problem.level === 'warning') logger.warn(formatProblem(problem));
        }
        const errors = errorsOf(problems);
        if (errors.length > 0) throw contentError(errors);
        updateConfig({ vite: { plugins: [contentModule(resolve(dir), content)] } });
      },
    },
  };
}
