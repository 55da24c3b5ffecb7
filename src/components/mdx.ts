import ClientName from './ClientName.astro';
import CoachName from './CoachName.astro';
import PosterIsland from './PosterIsland.astro';
import ThemeCards from './ThemeCards.astro';
import ThemeList from './ThemeList.astro';

/**
 * The components workbook MDX may use without importing them. Each reads the
 * current client from `Astro.locals.workbook`, which the route sets, so a
 * workbook page never needs to know whose workbook it is rendered into.
 */
export const workbookComponents = {
  ClientName,
  CoachName,
  PosterIsland,
  ThemeCards,
  ThemeList,
};
