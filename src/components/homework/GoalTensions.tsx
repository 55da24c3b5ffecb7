import { useEffect, useId, useState } from 'react';
import type { Goal, Value } from '../../schemas/answers.ts';
import { updateGoal } from '../../stores/goals.ts';
import { goalsOf, topValues } from '../../stores/model-engagement.ts';
import { rankedValues } from '../../stores/model.ts';
import { useHydrated } from '../hydrated.ts';
import { namesOf } from './GoalsEditor.tsx';
import { HomeworkFrame } from './HomeworkFrame.tsx';
import { useAnswers, type HomeworkProps } from './useAnswers.ts';

/** G2: each goal checked against the client's top values, with a note where it pulls against one. */
export default function GoalTensions(props: HomeworkProps & { workbook: string }) {
  const answers = useAnswers(props);
  const goals = goalsOf(answers, props.workbook);
  const top = topValues(answers);
  const values = rankedValues(answers);
  return (
    <HomeworkFrame slug={props.slug} themes={props.themes}>
      <div className="goals">
        <p className="no-print">
          Your top values: <span dir="auto">{top.map((value) => value.label).join(', ')}</span>.
        </p>
        {goals.length === 0 ? (
          <p className="goals__empty">No goals written yet: write them on the “Your goals” page first, then check them here.</p>
        ) : (
          <ol className="goals__list">
            {goals.map((goal) => (
              <li key={goal.id}>
                <GoalCheck goal={goal} top={top} values={values} workbook={props.workbook} />
              </li>
            ))}
          </ol>
        )}
      </div>
    </HomeworkFrame>
  );
}

function GoalCheck({ goal, top, values, workbook }: { goal: Goal; top: Value[]; values: Value[]; workbook: string }) {
  const id = useId();
  const hydrated = useHydrated();
  const [note, setNote] = useState(goal.note);
  const [problem, setProblem] = useState<string | null>(null);
  // The store keeps the note trimmed: the text being typed keeps its spaces unless the note changed elsewhere.
  useEffect(() => setNote((current) => (current.trim() === goal.note ? current : goal.note)), [goal.note]);
  const honoured = namesOf(goal.honours, values);
  const pulls = namesOf(goal.pullsAgainst, values);
  const toggle = (valueId: string, on: boolean) => {
    const pullsAgainst = on ? [...goal.pullsAgainst, valueId] : goal.pullsAgainst.filter((other) => other !== valueId);
    const result = updateGoal(workbook, goal.id, { pullsAgainst });
    setProblem(result.ok ? null : result.reason);
  };
  const saveNote = (text: string) => {
    setNote(text);
    const result = updateGoal(workbook, goal.id, { note: text });
    setProblem(result.ok ? null : result.reason);
  };
  return (
    <article className="goal-card" aria-labelledby={`${id}-goal`}>
      <h3 id={`${id}-goal`} dir="auto">
        {goal.text}
      </h3>
      {honoured.length > 0 && (
        <p>
          It honours <span dir="auto">{honoured.join(', ')}</span>.
        </p>
      )}
      <fieldset className="no-print">
        <legend>Does “{goal.text}” pull against any of your top values?</legend>
        {top.map((value) =>
          goal.honours.includes(value.id) ? null : (
            <label key={value.id} className="goal-form__value">
              <input
                type="checkbox"
                disabled={!hydrated}
                checked={goal.pullsAgainst.includes(value.id)}
                onChange={(event) => toggle(value.id, event.target.checked)}
              />{' '}
              <span dir="auto">{value.label}</span>
            </label>
          ),
        )}
      </fieldset>
      <p className="print-only">
        <strong>Pulls against:</strong> <span dir="auto">{pulls.length === 0 ? 'none of the top values' : pulls.join(', ')}</span>
      </p>
      <label htmlFor={`${id}-note`} className="no-print">
        What it would cost, and what you will do about it
      </label>
      <textarea
        id={`${id}-note`}
        className="no-print"
        rows={3}
        maxLength={2000}
        readOnly={!hydrated}
        value={note}
        onChange={(event) => saveNote(event.target.value)}
      />
      {note.trim() !== '' && (
        <p className="print-only" dir="auto">
          {note}
        </p>
      )}
      {problem && (
        <p className="notice notice--warn" role="alert">
          {problem}
        </p>
      )}
    </article>
  );
}
