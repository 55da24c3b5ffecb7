import { useId, useState, type Dispatch, type FormEvent, type ReactNode, type SetStateAction } from 'react';
import type { Refusal } from '../../stores/model.ts';
import { useHydrated } from '../hydrated.ts';

/** What a page passes to a form that adds or changes one entry (a goal, a lens entry). */
export interface DraftFormOptions<D> {
  heading: string;
  submitText: string;
  /** Saves the draft, or says why it cannot be saved. */
  onSubmit: (draft: D) => { ok: true } | Refusal;
  /** The entry being changed. Without one the form adds entries: it starts empty, and is emptied again after each. */
  initial?: D;
  /** For the form that changes an entry in place: shows Cancel, and is called once the entry is saved or the change cancelled. */
  onClose?: () => void;
}

interface DraftFormProps<D> extends DraftFormOptions<D> {
  className: string;
  /** What the form that adds entries starts from. */
  empty: D;
  /** The form's fields, for the draft as it stands; `id` starts the fields' ids. */
  children: (fields: { id: string; draft: D; setDraft: Dispatch<SetStateAction<D>> }) => ReactNode;
}

/**
 * A form for one entry: a heading, the fields, the reason when the entry is
 * refused, and the buttons. The submit button waits for hydration, so nothing
 * typed before then is lost.
 */
export function DraftForm<D>({ className, heading, initial, empty, submitText, onSubmit, onClose, children }: DraftFormProps<D>) {
  const id = useId();
  const hydrated = useHydrated();
  const [draft, setDraft] = useState<D>(initial ?? empty);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = onSubmit(draft);
    setProblem(result.ok ? null : result.reason);
    if (!result.ok) return;
    if (initial === undefined) setDraft(empty);
    onClose?.();
  };
  return (
    <form className={className} aria-labelledby={`${id}-heading`} onSubmit={submit}>
      <h3 id={`${id}-heading`} dir="auto">
        {heading}
      </h3>
      {children({ id, draft, setDraft })}
      {problem && (
        <p className="notice notice--warn" role="alert">
          {problem}
        </p>
      )}
      <p>
        <button type="submit" disabled={!hydrated}>
          {submitText}
        </button>{' '}
        {onClose && (
          <button type="button" className="quiet" onClick={onClose}>
            Cancel
          </button>
        )}
      </p>
    </form>
  );
}
