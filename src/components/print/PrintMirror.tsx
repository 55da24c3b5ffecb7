import type { TextareaHTMLAttributes } from 'react';

/**
 * The full text of a textarea, for paper. Chromium prints only a textarea's
 * visible rows, so print.css hides a textarea that is followed by a mirror and
 * prints the mirror instead. Place it right after the textarea it mirrors.
 * Hidden from screen readers: the textarea itself is what they read.
 *
 * @example
 * <textarea value={notes} onChange={...} />
 * <PrintMirror text={notes} />
 */
export function PrintMirror({ text }: { text: string }) {
  return (
    <div className="print-only print-mirror" aria-hidden="true" dir="auto">
      {text}
    </div>
  );
}

/**
 * A textarea that prints its whole content: the textarea on screen, its mirror on paper.
 * Takes every prop a controlled textarea takes.
 */
export function PrintableTextarea(props: TextareaHTMLAttributes<HTMLTextAreaElement> & { value: string }) {
  return (
    <>
      <textarea {...props} />
      <PrintMirror text={props.value} />
    </>
  );
}
