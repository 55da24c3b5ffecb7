import type { Gap } from '../../stores/model.ts';

const ROW = 52;
const BAR_TOP = 22;
const BAR_HEIGHT = 16;
/** Bars use this share of the width, leaving room for the score after the longest bar. */
const SCALE = 80;
/** Long names are shortened in the drawing only; the table and the summary carry them in full. */
const shorten = (text: string) => ([...text].length > 34 ? `${[...text].slice(0, 33).join('')}…` : text);

/**
 * Importance against living, drawn from the data: one row per value in rank
 * order, an outline for how important it is (from its rank) and a filled bar
 * for its living score. The biggest gaps are marked in words as well as colour.
 * Sizes are in percent and pixels rather than a viewBox, so text stays readable
 * on a phone instead of shrinking with the drawing.
 */
export function GapChart({ gaps, titleId }: { gaps: Gap[]; titleId: string }) {
  const height = gaps.length * ROW + 8;
  const highlighted = gaps.filter((gap) => gap.highlight);
  const descId = `${titleId}-desc`;
  return (
    <figure className="gap-chart">
      <figcaption id={titleId}>Importance and living, in your rank order</figcaption>
      <p className="gap-chart__legend" aria-hidden="true">
        <span className="gap-chart__key gap-chart__key--importance" /> importance from your ranking
        <span className="gap-chart__key gap-chart__key--living" /> living score
        <span className="gap-chart__key gap-chart__key--gap" /> big gap
      </p>
      <svg width="100%" height={height} role="img" aria-labelledby={titleId} aria-describedby={descId} className="gap-chart__svg">
        {gaps.map((gap, index) => {
          const y = index * ROW;
          const importance = (gap.importance / 10) * SCALE;
          const living = gap.rating === null ? 0 : (gap.rating / 10) * SCALE;
          const label = `${gap.rank}. ${shorten(gap.label)}${gap.highlight ? ' · big gap' : ''}`;
          return (
            <g key={gap.id} className={gap.highlight ? 'gap-row gap-row--highlight' : 'gap-row'}>
              <text x="0" y={y + 15} className="gap-row__label">
                {label}
              </text>
              <rect x="0.5" y={y + BAR_TOP} width={`${importance}%`} height={BAR_HEIGHT} rx="3" className="gap-row__importance" />
              {gap.rating !== null && <rect x="0.5" y={y + BAR_TOP + 3} width={`${living}%`} height={BAR_HEIGHT - 6} rx="2" className="gap-row__living" />}
              {gap.rating === null ? (
                <text x="8" y={y + BAR_TOP + 12} className="gap-row__unrated">
                  not yet rated
                </text>
              ) : (
                <text x={`${Math.max(importance, living) + 1.5}%`} y={y + BAR_TOP + 13} className="gap-row__score">
                  {gap.rating}/10
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <p id={descId} className="gap-chart__summary">
        {highlighted.length === 0
          ? gaps.every((gap) => gap.rating === null)
            ? 'Rate your values to see where living and importance meet.'
            : 'No big gaps: your living scores keep up with your ranking.'
          : `Biggest gaps: ${highlighted.map((gap) => `${gap.label} (rank ${gap.rank}, living ${gap.rating} of 10)`).join('; ')}.`}
      </p>
      {/* A table cannot clip its own overflow, so the wrapper hides it; otherwise it would take room on paper. */}
      <div className="visually-hidden">
        <table>
          <caption>Living score of each value, in rank order</caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Value</th>
              <th scope="col">Living score</th>
              <th scope="col">Gap</th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((gap) => (
              <tr key={gap.id}>
                <td>{gap.rank}</td>
                <th scope="row">{gap.label}</th>
                <td>{gap.rating === null ? 'Not yet rated' : `${gap.rating} of 10`}</td>
                <td>{gap.highlight ? 'Big gap' : gap.gap === null ? '' : 'No big gap'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
