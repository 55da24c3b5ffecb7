// HTML validity over a built site: `npm run check:html` (after `npm run build`).
// Runs the W3C Nu HTML Checker with --errors-only on every page; exits 1 on any error.
import { existsSync } from 'node:fs';
import { builtPages, distDir } from './lib/pages.ts';
import { checkHtml, formatHtmlError } from './lib/vnu.ts';

const dist = distDir();
if (!existsSync(dist)) {
  console.error(`error: ${dist}: (folder): expected a built site (run npm run build first), found nothing`);
  process.exit(1);
}
const pages = builtPages(dist);
try {
  const errors = await checkHtml([dist]);
  for (const error of errors) console.error(formatHtmlError(error));
  if (errors.length > 0) {
    console.error(`\nHTML validity: ${errors.length} errors in ${new Set(errors.map((error) => error.file)).size} files`);
    process.exit(1);
  }
  console.log(`HTML validity: ${pages.length} pages, 0 errors`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
