import { useId } from 'react';
import type { Value } from '../../schemas/answers.ts';
import { setRating } from '../../stores/answers.ts';
import { rankedValues } from '../../stores/model.ts';
import { livingGaps } from '../../lib/gap.ts';
import { GapChart } from './GapChart.tsx';
import { HomeworkFrame } from './HomeworkFrame.tsx';
import { useAnswers, type HomeworkProps } from './useAnswers.ts';

const SCORES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** HW3: a 1 to 10 living score for each value, and the chart of each score's gap to 10 in rank order. */
export default function LivingScore(props: HomeworkProps) {
  const answers = useAnswers(props);
  const ranked = rankedValues(answers);
  const chartId = useId();
  const rated = ranked.filter((value) => value.rating !== null).length;
  return (
    <HomeworkFrame slug={props.slug} themes={props.themes}>
      <p className="hint no-print">
        1 is hardly at all, 10 is fully, every day. {rated} of {ranked.length} rated.
      </p>
      <ol className="scores" aria-label="Living scores, in your rank order">
        {ranked.map((value, index) => (
          <ScoreRow key={value.id} value={value} rank={index + 1} />
        ))}
      </ol>
      <GapChart gaps={livingGaps(ranked)} ranked={answers.history.length > 0} titleId={chartId} />
    </HomeworkFrame>
  );
}

function ScoreRow({ value, rank }: { value: Value; rank: number }) {
  const name = useId();
  return (
    <li className="card score-row">
      <fieldset>
        <legend>
          <span className="score-row__rank">{rank}.</span> {value.label}{' '}
          <span className="score-row__value">{value.rating === null ? '· not yet rated' : `· ${value.rating} of 10`}</span>
        </legend>
        <div className="score-scale no-print">
          {SCORES.map((score) => (
            <label key={score} className="score">
              <input type="radio" name={name} value={score} checked={value.rating === score} onChange={() => setRating(value.id, score)} />
              <span>{score}</span>
            </label>
          ))}
          <label className="score score--none">
            <input type="radio" name={name} value="" checked={value.rating === null} onChange={() => setRating(value.id, null)} />
            <span>Not yet rated</span>
          </label>
        </div>
      </fieldset>
    </li>
  );
}
