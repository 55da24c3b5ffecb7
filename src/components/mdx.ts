import ClientName from './ClientName.astro';
import GuideChecklist from './coach/GuideChecklist.astro';
import GuideData from './coach/GuideData.astro';
import GuideNotes from './coach/GuideNotes.astro';
import CoachName from './CoachName.astro';
import PosterIsland from './PosterIsland.astro';
import ThemeCards from './ThemeCards.astro';
import ThemeList from './ThemeList.astro';
import ValueChainsIsland from './ValueChainsIsland.astro';
import StackRankIsland from './StackRankIsland.astro';
import LivingScoreIsland from './LivingScoreIsland.astro';
import NotesIsland from './NotesIsland.astro';
import ShareWithCoachIsland from './homework/ShareWithCoachIsland.astro';
import GoalsWorksheet from './goals/GoalsWorksheet.astro';
import GoalTensionsWorksheet from './goals/GoalTensionsWorksheet.astro';
import ValuesLensWorksheet from './goals/ValuesLensWorksheet.astro';
import GoalsIsland from './GoalsIsland.astro';
import GoalTensionsIsland from './GoalTensionsIsland.astro';
import LensIsland from './LensIsland.astro';

/**
 * The components workbook MDX may use without importing them. Each reads the
 * current client from `Astro.locals.workbook`, which the route sets, so a
 * workbook page never needs to know whose workbook it is rendered into.
 */
export const workbookComponents = {
  ClientName,
  CoachName,
  GuideChecklist,
  GuideData,
  GuideNotes,
  PosterIsland,
  ThemeCards,
  ThemeList,
  ValueChainsIsland,
  StackRankIsland,
  LivingScoreIsland,
  NotesIsland,
  ShareWithCoachIsland,
  GoalsWorksheet,
  GoalTensionsWorksheet,
  ValuesLensWorksheet,
  GoalsIsland,
  GoalTensionsIsland,
  LensIsland,
};
