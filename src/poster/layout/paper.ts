/** The Paper style: Source Serif 4 on a warm paper tone, a double rule frame, roman numerals. */
import { fontStack } from '../fonts.ts';
import { fitSize, lineCount, WIDTH } from '../fit.ts';
import { h } from '../tree.ts';
import {
  balance,
  boldWord,
  capitals,
  fittedList,
  frameRules,
  roman,
  rootStyle,
  textBlock,
  titleScale,
  type Built,
  type ItemSpec,
  type StyleArgs,
} from './shared.ts';

export function paperPoster({ shown, title, name, frame, scale, palette }: StyleArgs): Built {
  const { u, height, innerWidth } = frame;
  const serif = fontStack('source-serif-4');
  const textWidth = innerWidth - 40 * u;
  const shrink = titleScale(shown.length);

  const titleFit = fitSize(title, { maxWidth: textWidth, maxLines: 2, maxSize: 92 * u * shrink, minSize: 40 * u, width: WIDTH.serifItalic });
  const nameFit = name
    ? fitSize(capitals(name), { maxWidth: textWidth, maxLines: 2, maxSize: 26 * u, minSize: 18 * u, width: WIDTH.serifRegular, letterSpacing: 0.18 })
    : null;
  const headerHeight = titleFit.lines * titleFit.size * 1.1 + (nameFit ? 22 * u + nameFit.lines * nameFit.size * 1.3 : 0) + 40 * u * shrink + 14 * u;
  const footerHeight = 30 * u;
  const margin = 48 * u * shrink;
  const listHeight = height - frame.top - frame.bottom - headerHeight - footerHeight - 2 * margin;

  const rankSize = (base: number) => Math.max(6 * u, base * 0.34);
  const items: ItemSpec[] = shown.map((value, index) => {
    const label = (base: number) => base * (index === 0 ? 1.22 : 1);
    const boldSize = (base: number) => label(base) * 0.52;
    return {
      label,
      height: (base, width) => {
        const size = label(base);
        const bold = value.bold ? lineCount(value.bold, boldSize(base), width, WIDTH.serifItalic) * boldSize(base) * 1.25 + base * 0.06 : 0;
        return rankSize(base) * 1.3 + base * 0.08 + lineCount(value.label, size, width, WIDTH.serifSemibold) * size * 1.1 + bold;
      },
      runs: (base, width) => [
        { text: value.label, size: label(base), maxWidth: width, font: WIDTH.serifSemibold },
        { text: value.bold ?? '', size: boldSize(base), maxWidth: width, font: WIDTH.serifItalic },
      ],
      draw: (base, width) =>
        h(
          'div',
          { display: 'flex', flexDirection: 'column', alignItems: 'center', flexShrink: 0, width, textAlign: 'center' },
          h(
            'div',
            { fontSize: rankSize(base), letterSpacing: '0.2em', color: palette.accent, fontWeight: 600, marginBottom: base * 0.08, lineHeight: 1.3 },
            roman(index + 1),
          ),
          textBlock(value.label, {
            fontSize: label(base),
            lineHeight: 1.1,
            fontWeight: 600,
            color: palette.text,
            width,
            ...balance(value.label, label(base), width, WIDTH.serifSemibold),
          }),
          boldWord(value.bold, boldSize(base), palette, { fontStyle: 'italic', fontWeight: 400, marginTop: base * 0.06, width }),
        ),
    };
  });
  const { list, metrics } = fittedList(
    items,
    {
      width: textWidth,
      height: listHeight,
      gap: (base) => base * 0.62,
      columnGap: 40 * u,
      range: [5 * u, 92 * u],
      scale,
      twoColumnsFrom: 4,
    },
    'center',
  );

  const ornament = (wide: number) =>
    h(
      'div',
      { display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 14 * u },
      h('div', { width: wide, height: 2 * u, backgroundColor: palette.decor }),
      h('div', { width: 12 * u, height: 12 * u, backgroundColor: palette.accent, transform: 'rotate(45deg)' }),
      h('div', { width: wide, height: 2 * u, backgroundColor: palette.decor }),
    );

  const tree = h(
    'div',
    rootStyle(frame, palette, serif, { alignItems: 'center' }),
    ...frameRules(36 * u, 3 * u, palette.decor),
    ...frameRules(50 * u, 1.2 * u, palette.decor),
    h(
      'div',
      { display: 'flex', flexDirection: 'column', alignItems: 'center', textAlign: 'center', flexShrink: 0, width: textWidth },
      textBlock(title, {
        fontSize: titleFit.size,
        lineHeight: 1.1,
        fontStyle: 'italic',
        fontWeight: 400,
        color: palette.text,
        width: textWidth,
        ...balance(title, titleFit.size, textWidth, WIDTH.serifItalic),
      }),
      nameFit
        ? textBlock(capitals(name), {
            fontSize: nameFit.size,
            lineHeight: 1.3,
            letterSpacing: '0.18em',
            color: palette.accent,
            fontWeight: 400,
            marginTop: 22 * u,
            width: textWidth,
          })
        : null,
      h('div', { display: 'flex', marginTop: 40 * u * shrink }, ornament(70 * u)),
    ),
    h('div', { display: 'flex', flexShrink: 0, marginTop: margin, marginBottom: margin }, list),
    h('div', { display: 'flex', flexShrink: 0, height: footerHeight, alignItems: 'center' }, ornament(40 * u)),
  );
  return { tree, metrics: metrics(titleFit.size) };
}
