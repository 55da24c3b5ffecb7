/**
 * The values poster: data in, Satori element tree out.
 *
 * One layout serves the build-time poster (src/poster/node.ts), the Open Graph
 * image, and the live poster in the client's browser. It is pure: no React
 * state, no I/O, the same tree for the same data. Each style lives in its own
 * file in src/poster/layout/, and what they share in src/poster/layout/shared.ts.
 */
import { clampTopN, DEFAULT_TITLE } from './options.ts';
import { DEFAULT_SIZE } from './sizes.ts';
import { DEFAULT_STYLE, POSTER_STYLES } from './styles.ts';
import { treeText } from './tree.ts';
import { compassPoster } from './layout/compass.ts';
import { fieldPoster } from './layout/field.ts';
import { paperPoster } from './layout/paper.ts';
import { clean, frameFor, type PosterInput, type PosterLayout, type StyleArgs } from './layout/shared.ts';

export { clampTopN, DEFAULT_TITLE, DEFAULT_TOP_N, MIN_TOP_N } from './options.ts';
export { capitals, FIT_MARKERS, roman, type PosterInput, type PosterLayout, type PosterValue } from './layout/shared.ts';
export { compassPositions } from './layout/compass.ts';
export { openGraphLayout, OPEN_GRAPH_SIZE, type OpenGraphInput } from './layout/open-graph.ts';

/** Builds the poster for the given data. */
export function posterLayout(input: PosterInput): PosterLayout {
  const styleId = input.style ?? DEFAULT_STYLE;
  const size = input.size ?? DEFAULT_SIZE;
  const values = input.values
    .map((value) => {
      const label = clean(value.label);
      const bold = clean(value.bold);
      // A value's chain starts with its own name; marked bold, it would only say the name twice.
      return { label, bold: bold === '' || bold.toLocaleLowerCase() === label.toLocaleLowerCase() ? null : bold };
    })
    .filter((value) => value.label !== '');
  const shown = values.slice(0, clampTopN(input.topN, values.length));
  const title = clean(input.title) || DEFAULT_TITLE;
  const name = clean(input.name);
  const frame = frameFor(size);
  const scale = Math.min(1, Math.max(0.3, input.scale ?? 1));
  const args: StyleArgs = { shown, title, name, frame, scale, palette: POSTER_STYLES[styleId].palette };
  const built = styleId === 'field' ? fieldPoster(args) : styleId === 'compass' ? compassPoster(args) : paperPoster(args);
  return {
    tree: built.tree,
    width: frame.width,
    height: frame.height,
    fonts: [...POSTER_STYLES[styleId].fonts],
    text: treeText(built.tree),
    shown,
    metrics: built.metrics,
  };
}
