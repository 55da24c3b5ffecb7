/**
 * Where the live poster finds its font files: copied as they are from the
 * @fontsource packages into one folder at the top of the site (see
 * src/integrations/poster-assets.ts), under their own names. The engine knows
 * which file a poster's text needs from the family's range table and
 * `fontFileName`, so the URL is all it asks of this module.
 */
import { fontFileName, type FontFile } from '../../fonts.ts';

/** The folder, under the site's base, that holds every font file the live poster may load. */
export const POSTER_FONT_FOLDER = 'poster-fonts';

/** `/poster-fonts/inter-latin-400-normal.woff2`, or under a base `/workbooks/poster-fonts/…`. */
export function posterFontUrl(base: string, file: FontFile): string {
  return `${base.replace(/\/*$/, '/')}${POSTER_FONT_FOLDER}/${fontFileName(file)}`;
}
