import { setNote } from '../../stores/coach.ts';

interface Props {
  /** The element id, unique on the page. */
  id: string;
  /** The part of the session the notes belong to: a theme id, or `opening`. */
  part: string;
  /** What the notes are about, kept with them in storage. */
  subject: string;
  /** The visible label. */
  label: string;
  value: string;
  disabled: boolean;
  rows?: number;
  onEdit?: () => void;
}

/** A notes box saved to the coach's store on every keystroke, with a print mirror (printed textareas are cut off). */
export default function NotesField({ id, part, subject, label, value, disabled, rows = 4, onEdit }: Props) {
  return (
    <div className="coach-notes">
      <label className="coach-notes__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="coach-notes__field"
        rows={rows}
        value={value}
        disabled={disabled}
        spellCheck
        onChange={(event) => {
          setNote(part, subject, event.currentTarget.value);
          onEdit?.();
        }}
      />
      {value.trim() !== '' && (
        <div className="coach-notes__print print-only" aria-hidden="true">
          {value}
        </div>
      )}
    </div>
  );
}
