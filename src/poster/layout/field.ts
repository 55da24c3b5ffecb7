/** The Colour field style: Inter 800 on deep teal, the first value largest, bold words in spaced capitals. */
import { fontStack } from '../fonts.ts';
import { fitSize, lineCount, WIDTH } from '../fit.ts';
import { h } from '../tree.ts';
import { capitals, textBlock, type StyleArgs, type Built, type ItemSpec, boldWord, fittedList, titleScale, rootStyle } from './shared.ts';

export function fieldPoster({ shown, title, name, frame, scale, palette }: StyleArgs): Built {
  const { u, width, height, innerWidth } = frame;
  const sans = fontStack('inter');
  const eyebrow = capitals(title);
  const titleFit = fitSize(eyebrow, { maxWidth: innerWidth, maxLines: 2, maxSize: 38 * u, minSize: 24 * u, width: WIDTH.sansHeavy, letterSpacing: 0.16 });
  const nameFit = name ? fitSize(name, { maxWidth: innerWidth, maxLines: 2, maxSize: 40 * u, minSize: 24 * u, width: WIDTH.sansRegular }) : null;
  const headerHeight = titleFit.lines * titleFit.size * 1.2 + (nameFit ? 14 * u + nameFit.lines * nameFit.size * 1.25 : 0) + 36 * u + 8 * u;
  const margin = 64 * u * titleScale(shown.length);
  const listHeight = height - frame.top - frame.bottom - headerHeight - margin - 20 * u;

  const rankColumn = (base: number) => Math.max(34 * u, base * 0.95);
  const rankSize = (base: number) => Math.max(10 * u, base * 0.42);
  const factor = (index: number) => (index === 0 ? 1.45 : index < 3 ? 1.12 : 1);
  const items: ItemSpec[] = shown.map((value, index) => {
    const label = (base: number) => base * factor(index);
    const boldSize = (base: number) => Math.max(7 * u, label(base) * 0.36);
    const bold = value.bold ? capitals(value.bold) : '';
    return {
      label,
      height: (base, width) => {
        const size = label(base);
        const textWidth = width - rankColumn(base);
        const boldHeight = bold ? base * 0.1 + lineCount(bold, boldSize(base), textWidth, WIDTH.sansRegular, 0.12) * boldSize(base) * 1.25 : 0;
        return lineCount(value.label, size, textWidth, WIDTH.sansHeavy, -0.02) * size * 1.05 + boldHeight;
      },
      runs: (base, width) => [
        { text: value.label, size: label(base), maxWidth: width - rankColumn(base), font: WIDTH.sansHeavy, letterSpacing: -0.02 },
        { text: bold, size: boldSize(base), maxWidth: width - rankColumn(base), font: WIDTH.sansRegular, letterSpacing: 0.12 },
      ],
      draw: (base, width) =>
        h(
          'div',
          { display: 'flex', flexDirection: 'row', alignItems: 'flex-start', flexShrink: 0, width },
          h(
            'div',
            {
              width: rankColumn(base),
              flexShrink: 0,
              fontSize: rankSize(base),
              fontWeight: 800,
              color: palette.accent,
              paddingTop: label(base) * 0.14,
              lineHeight: 1,
            },
            String(index + 1).padStart(2, '0'),
          ),
          h(
            'div',
            { display: 'flex', flexDirection: 'column', width: width - rankColumn(base), flexShrink: 0 },
            textBlock(value.label, {
              fontSize: label(base),
              lineHeight: 1.05,
              fontWeight: 800,
              letterSpacing: '-0.02em',
              color: palette.text,
              textAlign: 'left',
            }),
            boldWord(bold, boldSize(base), palette, { fontWeight: 500, letterSpacing: '0.12em', marginTop: base * 0.1, textAlign: 'left' }),
          ),
        ),
    };
  });
  const { list, metrics } = fittedList(
    items,
    {
      width: innerWidth,
      height: listHeight,
      gap: (base) => base * 0.55,
      columnGap: 48 * u,
      range: [5 * u, 110 * u],
      scale,
      twoColumnsFrom: 6,
    },
    'flex-start',
  );

  const tree = h(
    'div',
    rootStyle(frame, palette, sans),
    h('div', {
      position: 'absolute',
      width: width * 1.05,
      height: width * 1.05,
      right: -width * 0.42,
      top: -width * 0.3,
      borderRadius: '50%',
      backgroundColor: palette.decorSoft,
    }),
    h('div', {
      position: 'absolute',
      width: width * 0.8,
      height: width * 0.8,
      left: -width * 0.38,
      bottom: -width * 0.36,
      borderRadius: '50%',
      border: `${3 * u}px solid ${palette.decor}`,
    }),
    h(
      'div',
      { display: 'flex', flexDirection: 'column', flexShrink: 0, width: innerWidth, position: 'relative' },
      textBlock(eyebrow, { fontSize: titleFit.size, lineHeight: 1.2, fontWeight: 800, letterSpacing: '0.16em', color: palette.accent }),
      nameFit ? textBlock(name, { fontSize: nameFit.size, lineHeight: 1.25, fontWeight: 500, color: palette.soft, marginTop: 14 * u }) : null,
      h('div', { width: 120 * u, height: 8 * u, backgroundColor: palette.accent, marginTop: 36 * u }),
    ),
    h('div', { display: 'flex', flexShrink: 0, marginTop: margin, marginBottom: 20 * u }, list),
  );
  return { tree, metrics: metrics(titleFit.size) };
}
