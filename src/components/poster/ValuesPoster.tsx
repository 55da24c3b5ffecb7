import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { PosterInput } from '../../poster/layout.ts';
import { useStore } from '@nanostores/react';
import { clampTopN, MIN_TOP_N } from '../../poster/options.ts';
import { DEFAULT_SIZE, POSTER_SIZE_IDS, POSTER_SIZES, type PosterSizeId } from '../../poster/sizes.ts';
import { DEFAULT_STYLE, POSTER_STYLE_IDS, POSTER_STYLES, type PosterStyleId } from '../../poster/styles.ts';
import { defaultPosterChoices, type Theme } from '../../stores/model.ts';
import { $posterChoices, setPosterChoices } from '../../stores/poster-choices.ts';
import type { PosterStudio, Preview } from '../../poster/studio.ts';
import { Superseded } from '../../poster/superseded.ts';
import { downloadBlob } from '../download.ts';
import { useHydrated } from '../hydrated.ts';
import { usePosterValues } from './usePosterValues.ts';
import { posterMark } from '../../poster/browser/marks.ts';
import './poster.css';

export interface ValuesPosterProps {
  slug: string;
  themes: Theme[];
  /** The client's full name: offered for the poster, and names the downloaded files. */
  clientName: string;
  /** The site's base path. */
  base: string;
  /** The build-time poster of the coach's themes, offered when the engine cannot run. */
  fallbackUrl: string;
}

// The sketch carries the poster's layout code: loaded as the island wakes, not with the page.
const PosterSketch = lazy(() => import('./PosterSketch.tsx'));

type Engine = { state: 'loading' } | { state: 'ready'; studio: PosterStudio } | { state: 'failed'; reason: string };

/** A file name part from a person's name: letters and digits of any script, joined by hyphens. */
export function fileStem(name: string): string {
  const stem = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return stem === '' ? 'my' : stem;
}

/**
 * HW4: the live values poster. The poster engine (satori/standalone and its
 * layout.wasm) and the layout load in a worker, and the studio by dynamic
 * import, only when this island hydrates, which Astro does once the island
 * scrolls into view.
 */
export default function ValuesPoster({ slug, themes, clientName, base, fallbackUrl }: ValuesPosterProps) {
  const values = usePosterValues(slug, themes);
  const [engine, setEngine] = useState<Engine>({ state: 'loading' });
  // The choices are answers: saved as they change and restored on reload (src/stores/poster-choices.ts).
  const choices = useStore($posterChoices, { ssr: defaultPosterChoices });
  const { topN, title, showName } = choices;
  const style: PosterStyleId = Object.hasOwn(POSTER_STYLES, choices.style) ? (choices.style as PosterStyleId) : DEFAULT_STYLE;
  const size: PosterSizeId = Object.hasOwn(POSTER_SIZES, choices.size) ? (choices.size as PosterSizeId) : DEFAULT_SIZE;
  const name = choices.name ?? clientName;
  const setTopN = (next: number) => setPosterChoices({ topN: next });
  const setStyle = (next: PosterStyleId) => setPosterChoices({ style: next });
  const setSize = (next: PosterSizeId) => setPosterChoices({ size: next });
  const setTitle = (next: string) => setPosterChoices({ title: next });
  const setShowName = (next: boolean) => setPosterChoices({ showName: next });
  const setName = (next: string) => setPosterChoices({ name: next });
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [busy, setBusy] = useState<'png' | 'svg' | null>(null);
  const id = useId();
  const hydrated = useHydrated();
  // The build-time poster of the coach's themes holds the place until the client's own can be shown.
  const waiting = (
    <img
      src={fallbackUrl}
      width={1000}
      height={1500}
      alt="Poster of the themes from your session, shown while your own poster is prepared"
      className="poster-image poster-image--waiting"
    />
  );

  useEffect(() => {
    let cancelled = false;
    posterMark('island-hydrated');
    (async () => {
      try {
        // The engine's worker starts first; the rest of the studio loads beside it.
        const starting = import('../../poster/browser/draw.ts').then(({ startDrawing }) => startDrawing(base, latest.current));
        starting.catch(() => undefined);
        const [{ PngEncoder }, { PosterStudio }] = await Promise.all([import('../../poster/browser/raster.ts'), import('../../poster/studio.ts')]);
        const drawer = await starting;
        if (!cancelled) setEngine({ state: 'ready', studio: new PosterStudio(drawer, new PngEncoder((job) => drawer.encodePng(job))) });
      } catch (error) {
        if (!cancelled) setEngine({ state: 'failed', reason: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [base]);

  const count = values.length;
  const shownCount = clampTopN(topN, count);
  const input = useMemo<PosterInput>(
    () => ({ values, topN: shownCount, title, name: showName ? name : '', style, size }),
    [values, shownCount, title, showName, name, style, size],
  );

  const latest = useRef(input);
  latest.current = input;
  useEffect(() => {
    if (engine.state !== 'ready') return;
    let current = true;
    engine.studio.render(input).then(
      (next) => {
        if (!current) return;
        setPreview(next);
        setProblem('');
        engine.studio.preparePng(next);
      },
      (error: unknown) => {
        if (current && !(error instanceof Superseded)) setProblem(`The poster could not be drawn: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    return () => {
      current = false;
    };
  }, [engine, input]);

  const sizeInfo = POSTER_SIZES[size];
  const stem = `${fileStem(clientName)}-values-${sizeInfo.file}`;

  async function download(kind: 'png' | 'svg') {
    if (engine.state !== 'ready') return;
    setBusy(kind);
    try {
      const ready = await engine.studio.render(latest.current);
      const blob = kind === 'png' ? await engine.studio.png(ready) : new Blob([ready.svg], { type: 'image/svg+xml' });
      const file = `${stem}.${kind}`;
      downloadBlob(file, blob);
      setAnnouncement(`Downloaded ${file}.`);
    } catch (error) {
      setProblem(`The ${kind.toUpperCase()} could not be made: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(null);
    }
  }

  const shown = preview?.shown ?? values.slice(0, shownCount);
  const sketchShown = useCallback(() => posterMark('sketch-shown'), []);
  const firstPreview = useRef(false);
  const previewShown = useCallback(() => {
    if (firstPreview.current) return;
    firstPreview.current = true;
    posterMark('preview-shown');
  }, []);
  const ready = engine.state === 'ready';

  return (
    <section className="poster-studio" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Make your poster</h2>
      <div className="poster-studio__grid">
        <form className="poster-studio__controls no-print" onSubmit={(event) => event.preventDefault()}>
          <div className="poster-field">
            <label htmlFor={`${id}-top`}>Values to show</label>
            <select id={`${id}-top`} value={shownCount} onChange={(event) => setTopN(Number(event.target.value))}>
              {Array.from({ length: Math.max(1, count - Math.min(MIN_TOP_N, count) + 1) }, (_, index) => Math.min(MIN_TOP_N, count) + index).map((option) => (
                <option key={option} value={option}>
                  {option === count ? `All ${option}` : `Top ${option}`}
                </option>
              ))}
            </select>
          </div>

          <fieldset className="poster-field poster-styles">
            <legend>Style</legend>
            {POSTER_STYLE_IDS.map((option) => (
              <label key={option} className="poster-choice">
                <input type="radio" name={`${id}-style`} value={option} checked={style === option} onChange={() => setStyle(option)} />
                <span>
                  <span className="poster-choice__name">{POSTER_STYLES[option].label}</span>
                  <span className="poster-choice__hint">{POSTER_STYLES[option].description}</span>
                </span>
              </label>
            ))}
          </fieldset>

          <div className="poster-field">
            <label htmlFor={`${id}-size`}>Size</label>
            <select id={`${id}-size`} value={size} onChange={(event) => setSize(event.target.value as PosterSizeId)}>
              {POSTER_SIZE_IDS.map((option) => (
                <option key={option} value={option}>
                  {`${POSTER_SIZES[option].label}, ${POSTER_SIZES[option].width} × ${POSTER_SIZES[option].height}`}
                </option>
              ))}
            </select>
          </div>

          <div className="poster-field">
            <label htmlFor={`${id}-title`}>Title</label>
            <input id={`${id}-title`} type="text" value={title} readOnly={!hydrated} maxLength={80} onChange={(event) => setTitle(event.target.value)} />
          </div>

          <div className="poster-field">
            <label className="poster-check">
              <input type="checkbox" checked={showName} onChange={(event) => setShowName(event.target.checked)} />
              Put a name on the poster
            </label>
            <label htmlFor={`${id}-name`} className="poster-field__sub">
              Name
            </label>
            <input
              id={`${id}-name`}
              type="text"
              value={name}
              readOnly={!hydrated}
              maxLength={80}
              disabled={!showName}
              onChange={(event) => setName(event.target.value)}
            />
          </div>

          <div className="poster-actions">
            <button type="button" className="button" disabled={!ready || busy !== null} onClick={() => void download('png')}>
              {busy === 'png' ? 'Preparing PNG…' : 'Download PNG'}
            </button>
            <button type="button" className="button button--quiet" disabled={!ready || busy !== null} onClick={() => void download('svg')}>
              Download SVG
            </button>
          </div>
          <p className="poster-hint">Files are made in this browser: {stem}.png. Nothing is uploaded.</p>
        </form>

        <div className="poster-studio__preview">
          {engine.state === 'failed' ? (
            <div className="poster-notice" role="alert">
              <p>The poster maker could not start in this browser, so this is the poster of the themes from your session instead. You can still download it.</p>
              <p className="poster-notice__reason">{engine.reason}</p>
              <img src={fallbackUrl} width={1000} height={1500} alt="Poster of the themes from your session" className="poster-image" />
              <p>
                <a href={fallbackUrl} download="values-poster.png">
                  Download the session poster (PNG)
                </a>
              </p>
            </div>
          ) : (
            <figure className="poster-figure print-keep">
              {preview ? (
                <img
                  src={preview.url}
                  width={preview.width}
                  height={preview.height}
                  alt={`Preview of your poster, ${POSTER_STYLES[style].label} style`}
                  className="poster-image"
                  data-size={`${preview.width}x${preview.height}`}
                  onLoad={previewShown}
                />
              ) : hydrated ? (
                <Suspense fallback={waiting}>
                  <PosterSketch input={input} onShown={sketchShown} />
                </Suspense>
              ) : (
                waiting
              )}
              <figcaption>
                {ready
                  ? preview
                    ? `${POSTER_SIZES[size].label}, ${POSTER_SIZES[size].width} × ${POSTER_SIZES[size].height} pixels.`
                    : 'Drawing your poster…'
                  : 'Loading the poster maker…'}
              </figcaption>
            </figure>
          )}
          {engine.state === 'failed' ? null : (
            <div className="print-keep">
              <h3 id={`${id}-shown`} className="poster-shown__heading">
                On your poster
              </h3>
              <ol className="poster-shown" aria-labelledby={`${id}-shown`}>
                {shown.map((value, index) => (
                  <li key={`${index}-${value.label}`}>
                    {value.label}
                    {value.bold ? <span className="poster-shown__bold"> ({value.bold})</span> : null}
                  </li>
                ))}
              </ol>
            </div>
          )}
          {problem ? (
            <p className="poster-notice" role="alert">
              {problem}
            </p>
          ) : null}
          <p className="visually-hidden" aria-live="polite">
            {announcement}
          </p>
        </div>
      </div>
    </section>
  );
}
