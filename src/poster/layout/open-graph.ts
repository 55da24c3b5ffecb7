/** The link-preview image: the workbook's title and the coach's name, in the Paper style. */
import { fontStack } from '../fonts.ts';
import { fitSize, WIDTH } from '../fit.ts';
import { POSTER_STYLES } from '../styles.ts';
import { h, treeText } from '../tree.ts';
import { balance, capitals, clean, frameRules, textBlock, type PosterLayout } from './shared.ts';

export const OPEN_GRAPH_SIZE = { width: 1200, height: 630 } as const;

export interface OpenGraphInput {
  /** The workbook's title. */
  title: string;
  /** The coach's name. No client data ever goes on this image. */
  coach: string;
}

/** The link-preview image: the workbook's title and the coach's name, in the Paper style. */
export function openGraphLayout(input: OpenGraphInput): PosterLayout {
  const palette = POSTER_STYLES.paper.palette;
  const { width, height } = OPEN_GRAPH_SIZE;
  const serif = fontStack('source-serif-4');
  const title = clean(input.title) || 'Workbook';
  const coach = clean(input.coach);
  const titleFit = fitSize(title, { maxWidth: 900, maxLines: 2, maxSize: 84, minSize: 40, width: WIDTH.serifSemibold });
  const coachLine = coach ? `WITH ${capitals(coach)}` : '';
  const coachFit = fitSize(coachLine, { maxWidth: 900, maxLines: 1, maxSize: 26, minSize: 16, width: WIDTH.serifRegular, letterSpacing: 0.18 });
  const rule = (wide: number) => h('div', { width: wide, height: 2, backgroundColor: palette.decor });
  const tree = h(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      alignItems: 'center',
      justifyContent: 'center',
      width,
      height,
      backgroundColor: palette.background,
      fontFamily: serif,
      color: palette.text,
      position: 'relative',
      textAlign: 'center',
    },
    ...frameRules(28, 3, palette.decor),
    ...frameRules(40, 1.2, palette.decor),
    h(
      'div',
      { display: 'flex', alignItems: 'center', gap: 14, marginBottom: 36 },
      rule(70),
      h('div', { width: 12, height: 12, backgroundColor: palette.accent, transform: 'rotate(45deg)' }),
      rule(70),
    ),
    textBlock(title, { fontSize: titleFit.size, lineHeight: 1.1, fontWeight: 600, maxWidth: 900, ...balance(title, titleFit.size, 900, WIDTH.serifSemibold) }),
    coachLine ? textBlock(coachLine, { fontSize: coachFit.size, letterSpacing: '0.18em', color: palette.accent, marginTop: 30, fontWeight: 400 }) : null,
  );
  return {
    tree,
    width,
    height,
    fonts: [
      { family: 'source-serif-4', weight: 600, style: 'normal' },
      { family: 'source-serif-4', weight: 400, style: 'normal' },
    ],
    text: treeText(tree),
    shown: [],
    metrics: { labelSizes: [], titleSize: titleFit.size, listHeight: 0, estimatedListHeight: 0, columns: 1 },
  };
}
