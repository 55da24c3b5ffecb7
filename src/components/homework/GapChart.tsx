import { GAP_WORTH_A_LOOK, LIVING_MAX, type GapRow } from '../../lib/gap.ts';

const ROW = 52;
const BAR_TOP = 22;
const BAR_HEIGHT = 16;
/** Bars use this share of the width, leaving room for the score after the bar. */
const SCALE = 80;
/** Long names are shortened in the drawing only; the table and the summary carry them in full. */
const shorten = (text: string) => ([...text].length > 34 ? `${[...text].slice(0, 33).join('')}…` : text);

/**
 * The living score of each value in the client's rank order: a filled bar for
 * the score, an outline out to 10, and the gap (what is left to 10) marked in
 * words as well as colour where it is worth a look. It draws only what the
 * client gave: before they have ranked, it says so instead of guessing an order.
 * Sizes are in percent and pixels rather than a viewBox, so text stays readable
 * on a phone instead of shrinking with the drawing.
 */
export function GapChart({ gaps, ranked, titleId }: { gaps: GapRow[]; ranked: boolean; titleId: string }) {
  const descId = `${titleId}-desc`;
  if (!ranked) {
    return (
      <figure className="gap-chart">
        <figcaption id={titleId}>Your living scores and your ranking</figcaption>
        <p className="gap-chart__summary">
          This chart needs your ranking: put your values in order on the Stack rank page, and it will show your gaps here in that order.
        </p>
      </figure>
    );
  }
  const height = gaps.length * ROW + 8;
  const worth = gaps.filter((gap) => gap.worthALook);
  return (
    <figure className="gap-chart">
      <figcaption id={titleId}>Your living scores, in your rank order</figcaption>
      <p className="gap-chart__legend" aria-hidden="true">
        <span className="gap-chart__key gap-chart__key--living" /> living score
        <span className="gap-chart__key gap-chart__key--importance" /> the gap, out to 10
        <span className="gap-chart__key gap-chart__key--gap" /> worth a look
      </p>
      <svg width="100%" height={height} role="img" aria-labelledby={titleId} aria-describedby={descId} className="gap-chart__svg">
        {gaps.map((gap, index) => {
          const y = index * ROW;
          const living = gap.rating === null ? 0 : (gap.rating / LIVING_MAX) * SCALE;
          const label = `${gap.rank}. ${shorten(gap.label)}${gap.worthALook ? ' · worth a look' : ''}`;
          return (
            <g key={gap.id} className={gap.worthALook ? 'gap-row gap-row--highlight' : 'gap-row'}>
              <text x="0" y={y + 15} className="gap-row__label">
                {label}
              </text>
              <rect x="0.5" y={y + BAR_TOP} width={`${SCALE}%`} height={BAR_HEIGHT} rx="3" className="gap-row__importance" />
              {gap.rating !== null && <rect x="0.5" y={y + BAR_TOP + 3} width={`${living}%`} height={BAR_HEIGHT - 6} rx="2" className="gap-row__living" />}
              {gap.rating === null ? (
                <text x="8" y={y + BAR_TOP + 12} className="gap-row__unrated">
                  not yet rated
                </text>
              ) : (
                <text x={`${SCALE + 1.5}%`} y={y + BAR_TOP + 13} className="gap-row__score">
                  {gap.rating}/10
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <p id={descId} className="gap-chart__summary">
        {worth.length > 0
          ? `Worth a look: ${worth.map((gap) => `${gap.label} (rank ${gap.rank}, living ${gap.rating} of 10, gap ${gap.gap})`).join('; ')}. These are near the top of your ranking with a gap of ${GAP_WORTH_A_LOOK} or more.`
          : gaps.every((gap) => gap.rating === null)
            ? 'Score your values to see the gap between each score and 10.'
            : `No value near the top of your ranking has a gap of ${GAP_WORTH_A_LOOK} or more.`}
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
                <td>{gap.gap === null ? '' : `${gap.gap}${gap.worthALook ? ', worth a look' : ''}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
