import { useState } from 'react';
import type { Goal, Value } from '../../schemas/answers.ts';
import { addGoal, removeGoal, updateGoal } from '../../stores/goals.ts';
import { goalsOf } from '../../stores/model-engagement.ts';
import { rankedValues } from '../../stores/model.ts';
import { DraftForm, type DraftFormOptions } from './DraftForm.tsx';
import { HomeworkFrame } from './HomeworkFrame.tsx';
import { useAnswers, type HomeworkProps } from './useAnswers.ts';

interface Draft {
  text: string;
  firstStep: string;
  honours: string[];
}

const EMPTY: Draft = { text: '', firstStep: '', honours: [] };

/** G1: each goal in a sentence, with its first concrete step and the values it honours. */
export default function GoalsEditor(props: HomeworkProps & { workbook: string }) {
  const answers = useAnswers(props);
  const goals = goalsOf(answers, props.workbook);
  const values = rankedValues(answers);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <HomeworkFrame slug={props.slug} themes={props.themes}>
      <div className="goals">
        {goals.length === 0 ? (
          <p className="goals__empty">No goals written yet.</p>
        ) : (
          <ol className="goals__list">
            {goals.map((goal, index) =>
              editing === goal.id ? (
                <li key={goal.id}>
                  <GoalForm
                    heading={`Change goal ${index + 1}`}
                    values={values}
                    initial={goal}
                    submitText="Save the goal"
                    onSubmit={(draft) => updateGoal(props.workbook, goal.id, draft)}
                    onClose={() => setEditing(null)}
                  />
                </li>
              ) : (
                <li key={goal.id}>
                  <GoalCard goal={goal} index={index} values={values} onEdit={() => setEditing(goal.id)} onRemove={() => removeGoal(props.workbook, goal.id)} />
                </li>
              ),
            )}
          </ol>
        )}
        <div className="no-print">
          <GoalForm
            heading="Add a goal"
            values={values}
            submitText="Add the goal"
            onSubmit={(draft) => addGoal(props.workbook, { ...draft, pullsAgainst: [], note: '' })}
          />
        </div>
      </div>
    </HomeworkFrame>
  );
}

function GoalCard({ goal, index, values, onEdit, onRemove }: { goal: Goal; index: number; values: Value[]; onEdit: () => void; onRemove: () => void }) {
  const names = namesOf(goal.honours, values);
  return (
    <article className="goal-card" aria-label={`Goal ${index + 1}`}>
      <h3 dir="auto">{goal.text}</h3>
      <p>
        <strong>First step:</strong> <span dir="auto">{goal.firstStep === '' ? 'not written yet' : goal.firstStep}</span>
      </p>
      <p>
        <strong>Honours:</strong> <span dir="auto">{names.length === 0 ? 'no value chosen yet' : names.join(', ')}</span>
      </p>
      <p className="goal-card__actions no-print">
        <button type="button" className="quiet" onClick={onEdit} aria-label={`Change the goal “${goal.text}”`}>
          Change
        </button>
        <button type="button" className="quiet" onClick={onRemove} aria-label={`Remove the goal “${goal.text}”`}>
          Remove
        </button>
      </p>
    </article>
  );
}

/** The names of the values with these ids, in the client's order, under their current names. */
export function namesOf(ids: readonly string[], values: readonly Value[]): string[] {
  return values.filter((value) => ids.includes(value.id)).map((value) => value.label);
}

function GoalForm({ values, ...form }: DraftFormOptions<Draft> & { values: Value[] }) {
  return (
    <DraftForm className="goal-form" empty={EMPTY} {...form}>
      {({ id, draft, setDraft }) => {
        const toggle = (valueId: string, on: boolean) =>
          setDraft((before) => ({ ...before, honours: on ? [...before.honours, valueId] : before.honours.filter((other) => other !== valueId) }));
        return (
          <>
            <label htmlFor={`${id}-text`}>The goal, in one sentence</label>
            <input id={`${id}-text`} type="text" value={draft.text} maxLength={200} onChange={(event) => setDraft({ ...draft, text: event.target.value })} />
            <label htmlFor={`${id}-step`}>The first step, and when you will take it</label>
            <input
              id={`${id}-step`}
              type="text"
              value={draft.firstStep}
              maxLength={200}
              onChange={(event) => setDraft({ ...draft, firstStep: event.target.value })}
            />
            <fieldset>
              <legend>The values it honours</legend>
              {values.map((value) => (
                <label key={value.id} className="goal-form__value">
                  <input type="checkbox" checked={draft.honours.includes(value.id)} onChange={(event) => toggle(value.id, event.target.checked)} />{' '}
                  <span dir="auto">{value.label}</span>
                </label>
              ))}
            </fieldset>
          </>
        );
      }}
    </DraftForm>
  );
}
