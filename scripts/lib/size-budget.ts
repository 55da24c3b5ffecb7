import { formatProblem, type Problem } from '../../src/schemas/problems.ts';
import { formatBytes, type Asset, type PageWeight } from './page-weight.ts';
import type { PageKind } from './pages.ts';

/**
 * Most JavaScript, gzipped, a page with islands may run on load (1 KB = 1000 bytes).
 * React costs about 60 KB of it: react, react-dom 19.2 and Astro's React renderer, shipped
 * as one file (astro.config.mjs; 19.3's client is 8.6 KB gzip heavier, which is why React
 * is held at 19.2), so each homework page has about 20 KB for its islands, its stores and
 * Astro's island runtime; the ranking page also carries dnd-kit. Coach pages hold the
 * coach's session tools (focus mode, theme notes, checklist), used on a laptop, not the
 * client's phone.
 * When the answers came to hold a whole engagement (the lens, goals, poster choices and
 * each workbook's notes, checked when read), the value-chains page reached 81.0 KB and the
 * poster page 80.4 KB. Rather than raise the budget, React became one file and the check
 * of stored answers got smaller: the heaviest homework page (value chains) is 79.0 KB
 * again, the goals workbook's pages at most 77.8 KB. docs/quality-gates.md says so.
 */
export const JS_BUDGET_GZIP: Partial<Record<PageKind, number>> & { default: number } = {
  default: 80_000,
  'ranking page': 100_000,
  'coach page': 120_000,
};

/**
 * Pages that may run a plain script without any island, and how much. Every other page
 * without islands runs no JavaScript at all.
 * - The print page fills its worksheets with the answers saved in this browser (and works blank without scripts).
 * - Client pages register the service worker that keeps the workbook working offline: a few hundred bytes.
 */
export const SCRIPT_BUDGET_GZIP: Partial<Record<PageKind, number>> = {
  'print page': 35_000,
  'client home': 1_000,
  'homework page': 1_000,
  'ranking page': 1_000,
  'poster page': 1_000,
};

/** The only kind of page allowed to load the poster engine, and then only on demand. */
export const POSTER_ENGINE_PAGE: PageKind = 'poster page';

/** The gzip budget of a page: its kind's island budget when it has islands, else its script budget (0 for most). */
export function jsBudget(kind: PageKind, islands = 1): number {
  if (islands === 0) return SCRIPT_BUDGET_GZIP[kind] ?? 0;
  return JS_BUDGET_GZIP[kind] ?? JS_BUDGET_GZIP.default;
}

function list(assets: readonly Asset[]): string {
  return assets.map((asset) => `${asset.url} ${formatBytes(asset.sizes.gzip)}`).join(', ');
}

/**
 * Checks one page against the budgets:
 * - a page with no island runs no JavaScript at all, unless its kind has a script budget;
 * - a page with islands runs at most its kind's gzip budget on load;
 * - the poster engine is never reachable from any page but the poster page, and there only on demand;
 * - every script and stylesheet the page names exists.
 */
export function checkBudget(weight: PageWeight, shownFile: string = `dist/${weight.page.rel}`): Problem[] {
  const problems: Problem[] = [];
  const { page } = weight;
  const problem = (field: string, expected: string, found: string) => problems.push({ level: 'error', file: shownFile, field, expected, found });
  const scripts = weight.jsAssets.filter((asset) => asset.type === 'js');

  const scriptBudget = SCRIPT_BUDGET_GZIP[page.kind];
  if (weight.islands === 0 && scriptBudget === undefined && weight.js.raw > 0) {
    problem('JavaScript', 'none on a page without islands', `${formatBytes(weight.js.raw)} (${formatBytes(weight.js.gzip)} gzip) in ${list(scripts)}`);
  }
  if (weight.islands === 0 && scriptBudget !== undefined && weight.js.gzip > scriptBudget) {
    problem('JavaScript', `at most ${formatBytes(scriptBudget)} gzip on a ${page.kind}`, `${formatBytes(weight.js.gzip)} gzip in ${list(scripts)}`);
  }
  if (weight.islands > 0 && weight.js.gzip > jsBudget(page.kind)) {
    problem(
      'JavaScript',
      `at most ${formatBytes(jsBudget(page.kind))} gzip on a ${page.kind}`,
      `${formatBytes(weight.js.gzip)} gzip in ${scripts.length} scripts (${list([...scripts].sort((a, b) => b.sizes.gzip - a.sizes.gzip))})`,
    );
  }
  const engineNow = weight.jsAssets.filter((asset) => asset.posterEngine);
  const engineLater = weight.lazy.filter((asset) => asset.posterEngine);
  if (page.kind !== POSTER_ENGINE_PAGE && engineNow.length + engineLater.length > 0) {
    problem('poster engine', 'only on the poster page', `it is reachable here: ${list([...engineNow, ...engineLater])}`);
  } else if (page.kind === POSTER_ENGINE_PAGE && engineNow.length > 0) {
    problem('poster engine', 'loaded only when a poster is made (a dynamic import)', `it loads with the page: ${list(engineNow)}`);
  }
  for (const url of weight.missing) problem('reference', 'a file in the build', `${url}, which is missing`);
  return problems;
}

/** Checks every page, returning one formatted line per problem. */
export function checkBudgets(weights: readonly PageWeight[]): string[] {
  return weights.flatMap((weight) => checkBudget(weight)).map(formatProblem);
}
