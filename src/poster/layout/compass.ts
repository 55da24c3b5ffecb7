/** The Compass style: night blue, a compass disc with rank 1 at the centre and the others on its rings, and a numbered legend. */
import { fontStack } from '../fonts.ts';
import { fitSize, lineCount, WIDTH } from '../fit.ts';
import { type PosterPalette } from '../styles.ts';
import { h, type PosterElement } from '../tree.ts';
import { balance, boldWord, capitals, fittedList, rootStyle, textBlock, titleScale, type Built, type ItemSpec, type StyleArgs } from './shared.ts';

/** Where each rank sits on the compass: 1 in the middle, then ring by ring from the north, clockwise. */
export function compassPositions(count: number): Array<{ ring: number; angle: number }> {
  const rings = [1, 3, 5, 11];
  const out: Array<{ ring: number; angle: number }> = [];
  let rank = 0;
  for (let ring = 0; ring < rings.length && rank < count; ring += 1) {
    const slots = Math.min(rings[ring]!, count - rank);
    const offset = ring % 2 === 0 ? 0 : 180 / Math.max(1, slots);
    for (let slot = 0; slot < slots; slot += 1) {
      out.push({ ring, angle: ring === 0 ? 0 : -90 + offset + (360 / slots) * slot });
      rank += 1;
    }
  }
  return out;
}

function compassDisc(count: number, disc: number, u: number, palette: PosterPalette, sans: string): PosterElement {
  const positions = compassPositions(count);
  const ringRadii = [0, 0.2, 0.33, 0.46].map((part) => part * disc);
  const markerSize = [0.17, 0.085, 0.075, 0.064].map((part) => part * disc);
  return h(
    'div',
    { display: 'flex', position: 'relative', width: disc, height: disc, flexShrink: 0 },
    h('div', {
      position: 'absolute',
      left: disc * 0.02,
      top: disc * 0.02,
      width: disc * 0.96,
      height: disc * 0.96,
      borderRadius: '50%',
      backgroundColor: palette.decorSoft,
    }),
    ...ringRadii.slice(1).map((radius, ring) =>
      h('div', {
        position: 'absolute',
        left: disc / 2 - radius,
        top: disc / 2 - radius,
        width: radius * 2,
        height: radius * 2,
        borderRadius: '50%',
        border: `${(ring === 2 ? 3 : 1.5) * u}px ${ring === 1 ? 'dashed' : 'solid'} ${palette.decor}`,
      }),
    ),
    h('div', { position: 'absolute', left: disc / 2 - 0.75 * u, top: disc * 0.02, width: 1.5 * u, height: disc * 0.96, backgroundColor: palette.decor }),
    h('div', { position: 'absolute', top: disc / 2 - 0.75 * u, left: disc * 0.02, height: 1.5 * u, width: disc * 0.96, backgroundColor: palette.decor }),
    h('div', {
      position: 'absolute',
      left: disc / 2 - disc * 0.03,
      top: -disc * 0.005,
      width: disc * 0.06,
      height: disc * 0.06,
      backgroundColor: palette.accent,
      transform: 'rotate(45deg)',
    }),
    ...positions.map((position, index) => {
      const radius = ringRadii[position.ring] ?? 0;
      const size = markerSize[position.ring] ?? 0;
      const angle = (position.angle * Math.PI) / 180;
      const cx = disc / 2 + radius * Math.cos(angle);
      const cy = disc / 2 + radius * Math.sin(angle);
      // A ring of the disc's colour keeps each marker clear of the lines it sits on.
      const ring = size * 0.12;
      return h(
        'div',
        {
          position: 'absolute',
          left: cx - size / 2 - ring,
          top: cy - size / 2 - ring,
          width: size + 2 * ring,
          height: size + 2 * ring,
          boxSizing: 'border-box',
          border: `${ring}px solid ${palette.decorSoft}`,
          borderRadius: '50%',
          backgroundColor: palette.accent,
          color: palette.onAccent,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          fontFamily: sans,
          fontWeight: 600,
          fontSize: size * 0.5,
        },
        String(index + 1),
      );
    }),
  );
}

export function compassPoster({ shown, title, name, frame, scale, palette }: StyleArgs): Built {
  const { u, height, innerWidth } = frame;
  const sans = fontStack('inter');
  const serif = fontStack('source-serif-4');
  const innerHeight = height - frame.top - frame.bottom;
  const sideBySide = frame.width / height > 0.9;
  const shrink = titleScale(shown.length);

  const titleFit = fitSize(title, { maxWidth: innerWidth, maxLines: 2, maxSize: 76 * u * shrink, minSize: 36 * u, width: WIDTH.serifSemibold });
  const nameFit = name
    ? fitSize(capitals(name), { maxWidth: innerWidth, maxLines: 2, maxSize: 26 * u, minSize: 18 * u, width: WIDTH.sansRegular, letterSpacing: 0.2 })
    : null;
  const headerHeight = titleFit.lines * titleFit.size * 1.1 + (nameFit ? 16 * u + nameFit.lines * nameFit.size * 1.3 : 0);
  const bodyTop = 56 * u * shrink;
  const bodyHeight = innerHeight - headerHeight - bodyTop;
  const discGap = 56 * u * shrink;
  const disc = sideBySide ? Math.min(bodyHeight, innerWidth * 0.44) : Math.min(innerWidth * 0.8, bodyHeight * (shown.length > 8 ? 0.36 : 0.44));
  const legendWidth = sideBySide ? innerWidth - disc - 60 * u : innerWidth;
  const listHeight = sideBySide ? bodyHeight : bodyHeight - disc - discGap;

  const dot = (base: number) => Math.max(12 * u, base * 0.95);
  const items: ItemSpec[] = shown.map((value, index) => {
    const label = (base: number) => base * (index === 0 ? 1.18 : 1);
    const boldSize = (base: number) => label(base) * 0.62;
    const textWidthOf = (base: number, width: number) => width - dot(base) - 22 * u;
    return {
      label,
      height: (base, width) => {
        const size = label(base);
        const textWidth = textWidthOf(base, width);
        const bold = value.bold ? 2 * u + lineCount(value.bold, boldSize(base), textWidth, WIDTH.serifItalic) * boldSize(base) * 1.25 : 0;
        return Math.max(dot(base), lineCount(value.label, size, textWidth, WIDTH.sansSemibold) * size * 1.12 + bold);
      },
      runs: (base, width) => [
        { text: value.label, size: label(base), maxWidth: textWidthOf(base, width), font: WIDTH.sansSemibold },
        { text: value.bold ?? '', size: boldSize(base), maxWidth: textWidthOf(base, width), font: WIDTH.serifItalic },
      ],
      draw: (base, width) =>
        h(
          'div',
          { display: 'flex', flexDirection: 'row', alignItems: 'flex-start', gap: 22 * u, flexShrink: 0, width },
          h(
            'div',
            {
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              width: dot(base),
              height: dot(base),
              flexShrink: 0,
              borderRadius: '50%',
              backgroundColor: palette.accent,
              color: palette.onAccent,
              fontWeight: 600,
              fontSize: dot(base) * 0.5,
              marginTop: Math.max(0, (label(base) * 1.12 - dot(base)) / 2),
            },
            String(index + 1),
          ),
          h(
            'div',
            { display: 'flex', flexDirection: 'column', width: textWidthOf(base, width), flexShrink: 0 },
            textBlock(value.label, { fontSize: label(base), lineHeight: 1.12, fontWeight: 600, color: palette.text, textAlign: 'left' }),
            boldWord(value.bold, boldSize(base), palette, { fontStyle: 'italic', fontWeight: 400, marginTop: 2 * u, fontFamily: serif, textAlign: 'left' }),
          ),
        ),
    };
  });
  const { list, metrics } = fittedList(
    items,
    {
      width: legendWidth,
      height: listHeight,
      gap: (base) => base * 0.5,
      columnGap: 40 * u,
      range: [5 * u, 64 * u],
      scale,
      twoColumnsFrom: sideBySide ? 0 : 6,
    },
    'flex-start',
  );
  const compass = compassDisc(shown.length, disc, u, palette, sans);

  const header = h(
    'div',
    { display: 'flex', flexDirection: 'column', alignItems: 'center', textAlign: 'center', flexShrink: 0, width: innerWidth },
    textBlock(title, {
      fontSize: titleFit.size,
      lineHeight: 1.1,
      fontWeight: 600,
      color: palette.text,
      fontFamily: serif,
      width: innerWidth,
      ...balance(title, titleFit.size, innerWidth, WIDTH.serifSemibold),
    }),
    nameFit
      ? textBlock(capitals(name), {
          fontSize: nameFit.size,
          lineHeight: 1.3,
          letterSpacing: '0.2em',
          fontWeight: 400,
          color: palette.accent,
          marginTop: 16 * u,
          width: innerWidth,
        })
      : null,
  );

  const body = sideBySide
    ? h(
        'div',
        { display: 'flex', flexDirection: 'row', alignItems: 'center', gap: 60 * u, flexShrink: 0, height: bodyHeight, marginTop: bodyTop, width: innerWidth },
        compass,
        list,
      )
    : h(
        'div',
        { display: 'flex', flexDirection: 'column', alignItems: 'center', gap: discGap, flexShrink: 0, marginTop: bodyTop, width: innerWidth },
        compass,
        list,
      );

  const tree = h('div', rootStyle(frame, palette, sans, { alignItems: 'center' }), header, body);
  return { tree, metrics: metrics(titleFit.size) };
}
