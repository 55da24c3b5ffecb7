import { useState } from 'react';
import type { LensEntry, LensMark, Value } from '../../schemas/answers.ts';
import { addLensEntry, removeLensEntry, updateLensEntry } from '../../stores/lens.ts';
import { topValues } from '../../stores/model-engagement.ts';
import { DraftForm, type DraftFormOptions } from './DraftForm.tsx';
import { HomeworkFrame } from './HomeworkFrame.tsx';
import { useAnswers, type HomeworkProps } from './useAnswers.ts';

interface Draft {
  text: string;
  marks: Record<string, LensMark>;
  note: string;
}

const EMPTY: Draft = { text: '', marks: {}, note: '' };

export const MARK_TEXT: Record<LensMark, string> = { honours: 'Honours', pulls: 'Pulls against', neither: 'Neither' };
const MARKS: readonly LensMark[] = ['honours', 'pulls', 'neither'];

/** The entry's day, as the client reads it: "4 December 2026". */
export function entryDate(time: number): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(time));
}

/** The values lens: choices held up against the top values, dated, newest first. */
export default function ValuesLens(props: HomeworkProps) {
  const answers = useAnswers(props);
  const top = topValues(answers);
  const entries = answers.lens;
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <HomeworkFrame slug={props.slug} themes={props.themes}>
      <div className="lens">
        <div className="no-print">
          <LensForm heading="Hold a choice up against your values" top={top} submitText="Add to the lens" onSubmit={addLensEntry} />
        </div>
        <h3>Your entries</h3>
        {entries.length === 0 ? (
          <p>No entries yet.</p>
        ) : (
          <ol className="lens__list">
            {entries.map((entry) => (
              <li key={entry.id}>
                {editing === entry.id ? (
                  <LensForm
                    heading={`Change “${entry.text}”`}
                    top={top}
                    initial={entry}
                    submitText="Save the entry"
                    onSubmit={(draft) => updateLensEntry(entry.id, draft)}
                    onClose={() => setEditing(null)}
                  />
                ) : (
                  <LensCard entry={entry} values={answers.values} onEdit={() => setEditing(entry.id)} onRemove={() => removeLensEntry(entry.id)} />
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
    </HomeworkFrame>
  );
}

function LensCard({ entry, values, onEdit, onRemove }: { entry: LensEntry; values: Value[]; onEdit: () => void; onRemove: () => void }) {
  const marked = [...values].sort((a, b) => a.rank - b.rank).filter((value) => entry.marks[value.id]);
  return (
    <article className="lens-card" aria-label={entry.text}>
      <p className="eyebrow">{entryDate(entry.createdAt)}</p>
      <h4 dir="auto">{entry.text}</h4>
      {marked.length > 0 && (
        <ul>
          {marked.map((value) => {
            const mark = entry.marks[value.id] ?? 'neither';
            return (
              <li key={value.id} data-mark={mark}>
                <span dir="auto">{value.label}</span>: {MARK_TEXT[mark].toLocaleLowerCase()}
              </li>
            );
          })}
        </ul>
      )}
      {entry.note !== '' && (
        <p dir="auto">
          <strong>Note:</strong> {entry.note}
        </p>
      )}
      <p className="no-print">
        <button type="button" className="quiet" onClick={onEdit} aria-label={`Change the entry “${entry.text}”`}>
          Change
        </button>{' '}
        <button type="button" className="quiet" onClick={onRemove} aria-label={`Remove the entry “${entry.text}”`}>
          Remove
        </button>
      </p>
    </article>
  );
}

function LensForm({ top, initial, ...form }: DraftFormOptions<Draft> & { top: Value[] }) {
  // An entry being changed brings its id and date along; the draft holds only what the form changes.
  const fields: Draft | undefined = initial && { text: initial.text, marks: initial.marks, note: initial.note };
  return (
    <DraftForm className="lens-form" initial={fields} empty={EMPTY} {...form}>
      {({ id, draft, setDraft }) => (
        <>
          <label htmlFor={`${id}-text`}>The choice, decision or goal, in a sentence</label>
          <input id={`${id}-text`} type="text" maxLength={200} value={draft.text} onChange={(event) => setDraft({ ...draft, text: event.target.value })} />
          {top.map((value) => (
            <fieldset key={value.id} className="lens-form__value">
              <legend dir="auto">{value.label}</legend>
              {MARKS.map((mark) => (
                <label key={mark}>
                  <input
                    type="radio"
                    name={`${id}-${value.id}`}
                    checked={draft.marks[value.id] === mark}
                    onChange={() => setDraft({ ...draft, marks: { ...draft.marks, [value.id]: mark } })}
                  />{' '}
                  {MARK_TEXT[mark]}
                </label>
              ))}
            </fieldset>
          ))}
          <label htmlFor={`${id}-note`}>A note (optional)</label>
          <textarea id={`${id}-note`} rows={2} maxLength={2000} value={draft.note} onChange={(event) => setDraft({ ...draft, note: event.target.value })} />
        </>
      )}
    </DraftForm>
  );
}
