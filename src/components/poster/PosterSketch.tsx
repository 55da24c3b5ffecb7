import { createElement, memo, useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { posterLayout, type PosterInput } from '../../poster/layout.ts';
import { POSTER_STYLES } from '../../poster/styles.ts';
import type { PosterChild } from '../../poster/tree.ts';

/** How tall the preview may be, as the stylesheet limits the preview image (.poster-image). */
const MAX_HEIGHT = 'min(78vh, 44rem)';

/**
 * Satori's element tree as the page's own elements. Satori lays every div out
 * as a flex box with border-box sizing; the page needs both said.
 */
function toElements(node: PosterChild | PosterChild[], key = 'n'): ReactNode {
  if (Array.isArray(node)) return node.map((child, index) => toElements(child, `${key}.${index}`));
  if (!node) return null;
  if (typeof node === 'string') return node;
  const { style = {}, children, dir } = node.props;
  const own: CSSProperties = { display: 'flex', boxSizing: 'border-box', ...(style as CSSProperties) };
  return createElement('div', { key, style: own, dir: typeof dir === 'string' ? dir : undefined }, toElements(children ?? null, key));
}

/** What a person hears for the sketch: the style and the values on it, in order. */
export function sketchLabel(input: PosterInput, shown: readonly { label: string }[]): string {
  const style = POSTER_STYLES[input.style ?? 'paper'].label;
  return `Sketch of your poster, ${style} style, shown while the full preview is drawn: ${shown.map((value) => value.label).join(', ')}`;
}

/**
 * The client's own poster drawn by the page itself, from the same layout the
 * poster engine draws, at once and without the engine: the first preview,
 * replaced by the engine's drawing when it is ready. It fills the box the
 * preview image will fill, so nothing moves when it is replaced. Rendered only
 * after hydration: its styles are set from script, as the page's security
 * policy allows, never written into the HTML.
 */
function PosterSketch({ input, onShown }: { input: PosterInput; onShown?: () => void }) {
  const layout = useMemo(() => posterLayout({ ...input, scale: 1 }), [input]);
  // Built once per layout, so measuring the box does not rebuild the whole sketch.
  const elements = useMemo(() => toElements(layout.tree), [layout]);
  const frame = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0);
  const reported = useRef(false);

  // Measured when the browser lays the page out anyway, not by forcing a layout while
  // React commits: on a slow phone those would make one long task together.
  useEffect(() => {
    const box = frame.current;
    if (!box) return;
    const measure = () => setScale(box.clientWidth / layout.width);
    if (typeof ResizeObserver === 'undefined') {
      measure();
      return;
    }
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [layout.width]);

  useEffect(() => {
    if (scale > 0 && !reported.current) {
      reported.current = true;
      onShown?.();
    }
  }, [scale, onShown]);

  const ratio = layout.width / layout.height;
  return (
    <div
      ref={frame}
      role="img"
      aria-label={sketchLabel(input, layout.shown)}
      className="poster-image poster-sketch"
      style={{ aspectRatio: `${layout.width} / ${layout.height}`, width: `min(100%, ${layout.width}px, calc(${MAX_HEIGHT} * ${ratio}))` }}
    >
      <div
        className="poster-sketch__canvas"
        aria-hidden="true"
        style={{ width: layout.width, height: layout.height, transform: `scale(${scale})`, visibility: scale > 0 ? undefined : 'hidden' }}
      >
        {elements}
      </div>
    </div>
  );
}

// The studio re-renders as its engine loads; the sketch only changes with the poster.
export default memo(PosterSketch);
