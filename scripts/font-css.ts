// Writes src/styles/fonts.css: the page fonts' @font-face rules, and fallback fonts scaled to
// their metrics, read from the installed Fontsource files. Run it after updating a font package:
//
//   npm run fonts
import { writeFileSync } from 'node:fs';
import { fontCss } from './lib/font-css.ts';

export const FONT_CSS = 'src/styles/fonts.css';

writeFileSync(FONT_CSS, await fontCss());
console.log(`Wrote ${FONT_CSS}`);
