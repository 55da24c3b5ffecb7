import { useId, useLayoutEffect, useRef } from 'react';
import { setNotes } from '../../stores/answers.ts';
import { FIRST_WORKBOOK, notesOf } from '../../stores/model.ts';
import { useHydrated } from '../hydrated.ts';
import { PrintMirror } from '../print/PrintMirror.tsx';
import { HomeworkFrame } from './HomeworkFrame.tsx';
import { useAnswers, type HomeworkProps } from './useAnswers.ts';

const MAX_NOTES = 200_000;

/** Browsers without `field-sizing: content` get the textarea grown to its text here. */
function grow(area: HTMLTextAreaElement | null): void {
  if (!area || (typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content'))) return;
  area.style.height = 'auto';
  area.style.height = `${area.scrollHeight + 2}px`;
}

/** The notes page: one free text area, saved as it is typed, growing with its text, printed in full. */
export default function NotesEditor(props: HomeworkProps & { workbook?: string }) {
  const workbook = props.workbook ?? FIRST_WORKBOOK;
  const notes = notesOf(useAnswers(props), workbook);
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const hydrated = useHydrated();
  useLayoutEffect(() => grow(area.current), [notes]);
  return (
    <HomeworkFrame slug={props.slug} themes={props.themes}>
      <div className="notes-editor">
        <label htmlFor={id} className="no-print">
          Your notes
        </label>
        <textarea
          ref={area}
          id={id}
          className="notes-editor__area no-print"
          value={notes}
          readOnly={!hydrated}
          maxLength={MAX_NOTES}
          rows={8}
          spellCheck
          onChange={(event) => setNotes(workbook, event.target.value)}
        />
        {/* Chromium prints only a textarea's visible rows, so paper gets the whole text from this copy. */}
        <PrintMirror text={notes.trim() === '' ? 'No notes yet.' : notes} />
      </div>
    </HomeworkFrame>
  );
}
