import type { ClientView } from '../../lib/clients.ts';
import GoalsSheet from './GoalsSheet.astro';
import GoalTensionsSheet from './GoalTensionsSheet.astro';
import LensSheet from './LensSheet.astro';
import LivingSheet from './LivingSheet.astro';
import NotesSheet from './NotesSheet.astro';
import PostitsSheet from './PostitsSheet.astro';
import PosterSheet from './PosterSheet.astro';
import RankSheet from './RankSheet.astro';
import ValueChainsSheet from './ValueChainsSheet.astro';

/** What a worksheet needs to know about the workbook page it stands for. */
export interface SheetPage {
  label?: string | undefined;
  title: string;
  description?: string | undefined;
  optional: boolean;
  /** The workbook of the session the page belongs to, for answers kept per workbook. */
  workbook?: string | undefined;
}

/** What every worksheet component takes: the client, the workbook page it prints, and its anchor id. */
export interface SheetProps {
  client: ClientView;
  page: SheetPage;
  id: string;
}

/**
 * The printed worksheets of each workbook page, by the page's file name, in
 * print order. A page may print as more than one sheet (the ranking sheet is
 * followed by post-its to cut out). A page not listed prints its own text.
 */
export const printSheets = {
  'value-chains': [ValueChainsSheet],
  rank: [RankSheet, PostitsSheet],
  living: [LivingSheet],
  poster: [PosterSheet],
  notes: [NotesSheet],
  'your-goals': [GoalsSheet],
  'against-the-grain': [GoalTensionsSheet],
  'values-lens': [LensSheet],
} as const satisfies Record<string, readonly unknown[]>;

export function sheetsFor(pageSlug: string): readonly (typeof ValueChainsSheet)[] | undefined {
  return Object.hasOwn(printSheets, pageSlug) ? printSheets[pageSlug as keyof typeof printSheets] : undefined;
}
