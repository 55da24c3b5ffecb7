import { useState } from 'react';
import { useHydrated } from '../hydrated.ts';
import './coach.css';

interface Props {
  /** The letter as plain text, links spelled out. */
  text: string;
  /** The letter as HTML, for mail apps that paste rich text. */
  html: string;
  /** The `mailto:` link: the whole letter, or the subject only when the letter is too long for a link. */
  mailto: string;
  /** Whether the mailto link carries the whole letter. */
  complete: boolean;
  /** The id of the element holding the letter, selected for the reader when copying fails. */
  letterId: string;
}

type Outcome = { tone: 'good' | 'error'; text: string } | null;

async function copyLetter(text: string, html: string): Promise<void> {
  const clipboard = navigator.clipboard;
  if (clipboard && typeof ClipboardItem !== 'undefined' && typeof clipboard.write === 'function') {
    await clipboard.write([
      new ClipboardItem({
        'text/plain': new Blob([text], { type: 'text/plain' }),
        'text/html': new Blob([html], { type: 'text/html' }),
      }),
    ]);
    return;
  }
  if (clipboard && typeof clipboard.writeText === 'function') {
    await clipboard.writeText(text);
    return;
  }
  throw new Error('This browser has no clipboard access.');
}

function selectLetter(id: string) {
  const element = document.getElementById(id);
  const selection = window.getSelection();
  if (!element || !selection) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}

/** "Copy" (plain text and HTML at once) and "Open in email" for the homework letter. */
export default function LetterActions({ text, html, mailto, complete, letterId }: Props) {
  const hydrated = useHydrated();
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function copy(after: string): Promise<void> {
    try {
      await copyLetter(text, html);
      setOutcome({ tone: 'good', text: after });
    } catch {
      selectLetter(letterId);
      setOutcome({ tone: 'error', text: 'This browser did not allow copying. The letter is selected: press Ctrl+C (⌘C on a Mac) to copy it.' });
    }
  }

  return (
    <div className="letter-actions">
      <div className="letter-actions__buttons">
        <button type="button" disabled={!hydrated} onClick={() => void copy('Copied. Paste it into an email: the workbook link stays a link.')}>
          Copy letter
        </button>
        <a
          className="button button--quiet"
          href={mailto}
          onClick={() => {
            if (!complete) void copy('Copied. Your email app opens with the subject only: paste the letter into the message.');
          }}
        >
          {complete ? 'Open in email' : 'Open in email (subject only)'}
        </a>
      </div>
      {!complete && (
        <p className="letter-actions__note">
          This letter is too long to hand to an email app in one link, so the email opens with the subject only. Copy the letter first, then paste it into the
          message{hydrated ? ' (the button copies it for you)' : ''}.
        </p>
      )}
      <p className={outcome ? `coach-status coach-status--${outcome.tone}` : 'coach-status'} role="status">
        {outcome?.text}
      </p>
    </div>
  );
}
