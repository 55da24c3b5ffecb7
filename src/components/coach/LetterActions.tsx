import { useState, type ReactNode } from 'react';
import { letterMailto } from '../../lib/mailto.ts';
import { setLetterEdit } from '../../stores/coach.ts';
import StatusLine from './StatusLine.tsx';
import { useCoachSession } from './hooks.ts';
import { useHydrated } from '../hydrated.ts';
import './coach.css';

interface Props {
  /** The client's slug: an edited letter is kept in this browser for this client. */
  slug: string;
  /** The name the client is greeted by, for the words on the page. */
  clientName: string;
  /** The email subject. */
  subject: string;
  /** The client's email address from their file, or empty: it fills the "To" of the email. */
  to: string;
  /** The letter as plain text, links spelled out. */
  text: string;
  /** The letter as HTML, for mail apps that paste rich text. */
  html: string;
  /** The id given to the element holding the letter, selected for the reader when copying fails. */
  letterId: string;
  /** The letter as written, rendered at build time. */
  children?: ReactNode;
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

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** An edited letter as HTML for rich paste: its paragraphs and line breaks, and nothing the coach did not type. */
function plainHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/[&<>"]/g, (char) => ESCAPES[char]!).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/**
 * The homework letter with "Copy letter", "Open in email" and "Edit the letter".
 * The letter as written comes from the build; an edit is kept in the coach's
 * browser for this client, and copying or emailing then uses the edit.
 */
export default function LetterActions({ slug, clientName, subject, to, text, html, letterId, children }: Props) {
  const hydrated = useHydrated();
  const { session, status } = useCoachSession(slug);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [editing, setEditing] = useState(false);
  const edited = session.letter;
  const current = edited ?? text;
  const currentHtml = edited === undefined ? html : plainHtml(edited);
  const mailto = letterMailto(subject, current, to);

  async function copy(after: string): Promise<void> {
    try {
      await copyLetter(current, currentHtml);
      setOutcome({ tone: 'good', text: after });
    } catch {
      selectLetter(letterId);
      setOutcome({ tone: 'error', text: 'This browser did not allow copying. The letter is selected: press Ctrl+C (⌘C on a Mac) to copy it.' });
    }
  }

  return (
    <>
      <div className="letter-actions">
        <div className="letter-actions__buttons">
          <button type="button" disabled={!hydrated || editing} onClick={() => void copy('Copied. Paste it into an email: the workbook link stays a link.')}>
            Copy letter
          </button>
          <a
            className="button button--quiet"
            href={mailto.href}
            aria-disabled={editing || undefined}
            onClick={(event) => {
              if (editing) {
                event.preventDefault();
                return;
              }
              if (!mailto.complete) void copy('Copied. Your email app opens with the subject only: paste the letter into the message.');
            }}
          >
            {mailto.complete ? 'Open in email' : 'Open in email (subject only)'}
          </a>
          {/* Shown from the first paint, disabled until the page is ready, so the row does not re-wrap and push the letter down. */}
          <button type="button" className="quiet" disabled={!hydrated} aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {editing ? 'Done editing' : 'Edit the letter'}
          </button>
        </div>
        {to === '' && (
          <p className="letter-actions__note">
            The email opens without an address. To have it filled in, add {clientName}'s email to their client file as <code>email:</code>.
          </p>
        )}
        {!mailto.complete && (
          <p className="letter-actions__note">
            This letter is too long to hand to an email app in one link, so the email opens with the subject only. Copy the letter first, then paste it into the
            message{hydrated ? ' (the button copies it for you)' : ''}.
          </p>
        )}
        {edited !== undefined && !editing && (
          <p className="letter-actions__note">
            You edited this letter for {clientName}; your edit is kept in this browser.{' '}
            <button
              type="button"
              className="quiet small"
              onClick={() => {
                setLetterEdit(null);
                setOutcome({ tone: 'good', text: 'Back to the letter as written.' });
              }}
            >
              Go back to the letter as written
            </button>
          </p>
        )}
        <p className={outcome ? `coach-status coach-status--${outcome.tone}` : 'coach-status'} role="status">
          {outcome?.text}
        </p>
        <StatusLine status={status} onlyProblems />
      </div>
      <section className="letter-sheet" aria-label="The letter">
        <dl className="letter-sheet__meta">
          {to !== '' && (
            <div>
              <dt>To</dt>
              <dd>{to}</dd>
            </div>
          )}
          <div>
            <dt>Subject</dt>
            <dd>{subject}</dd>
          </div>
        </dl>
        {editing ? (
          <div className="letter-sheet__body">
            <label htmlFor={`${letterId}-edit`} className="letter-sheet__label">
              The letter to {clientName}
            </label>
            <textarea
              id={`${letterId}-edit`}
              className="letter-sheet__editor"
              value={current}
              rows={Math.min(40, current.split('\n').length + 4)}
              onChange={(event) => setLetterEdit(event.currentTarget.value)}
            />
          </div>
        ) : edited !== undefined ? (
          <div className="letter-sheet__body letter-sheet__body--edited" id={letterId}>
            {edited}
          </div>
        ) : (
          <div className="letter-sheet__body" id={letterId}>
            {children}
          </div>
        )}
      </section>
    </>
  );
}
