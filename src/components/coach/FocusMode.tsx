import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { promptText, type PromptParts } from '../../lib/session.ts';
import { setExplored } from '../../stores/coach.ts';
import NotesField from './NotesField.tsx';
import SessionClock from './SessionClock.tsx';
import StatusLine from './StatusLine.tsx';
import { useCoachSession } from './hooks.ts';
import { useHydrated } from '../hydrated.ts';
import './coach.css';
import './focus-mode.css';

export interface FocusTheme {
  id: string;
  name: string;
  evidence: string[];
  /** The opening prompts with the theme filled in; the first is the one to ask. */
  prompts: PromptParts[];
  /** The follow-up questions with the theme filled in. */
  followUps: PromptParts[];
}

interface Props {
  slug: string;
  clientName: string;
  themes: FocusTheme[];
  /** The id of the page's heading to move to after the last theme. */
  closeHeadingId?: string;
}

/** Keys that move between themes; none is a printable character, so typing never triggers them (WCAG 2.1.4). */
const MOVES: Record<string, (index: number, last: number) => number> = {
  ArrowRight: (index, last) => Math.min(index + 1, last),
  ArrowLeft: (index) => Math.max(index - 1, 0),
  Home: () => 0,
  End: (_index, last) => last,
};

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type));
}

/**
 * The session bar (focus mode button and clock) and focus mode itself: one
 * theme fills the screen, in big calm type, with its prompt, follow-ups,
 * evidence, notes and explored mark.
 */
export default function FocusMode({ slug, clientName, themes, closeHeadingId }: Props) {
  const hydrated = useHydrated();
  const { session, status } = useCoachSession(slug);
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [open, setOpen] = useState(false);
  const [index, setIndex] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const last = themes.length - 1;
  const theme = themes[Math.min(index, last)];

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      heading.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  function go(next: number) {
    const target = themes[next];
    if (!target || next === index) return;
    setIndex(next);
    setAnnouncement(`Theme ${next + 1} of ${themes.length}: ${target.name}`);
  }

  function finish() {
    setOpen(false);
    const close = closeHeadingId ? document.getElementById(closeHeadingId) : null;
    if (close) {
      // The dialog hands focus back to its opener as it closes; move on to the close after that.
      window.setTimeout(() => {
        close.tabIndex = -1;
        close.focus();
      }, 0);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (isTextField(event.target)) {
      // Escape leaves the notes box first, so the arrow keys move between themes again.
      if (event.key === 'Escape') {
        event.preventDefault();
        heading.current?.focus();
      }
      return;
    }
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    go(move(index, last));
  }

  if (!theme) return null;
  const explored = (id: string) => session.explored.includes(id);
  const exploredCount = themes.filter((item) => explored(item.id)).length;

  return (
    <div className="session-bar">
      <button type="button" className="session-bar__start" disabled={!hydrated} onClick={() => setOpen(true)}>
        Start focus mode
      </button>
      <SessionClock clock={session.clock} disabled={!hydrated} />
      <p className="session-bar__progress">{hydrated ? `${exploredCount} of ${themes.length} themes explored` : `${themes.length} themes`}</p>

      <dialog ref={dialog} className="focus" aria-label={`Focus mode: ${clientName}'s themes`} onClose={() => setOpen(false)} onKeyDown={onKeyDown}>
        {open && (
          <div className="focus__frame">
            <header className="focus__top">
              <div className="focus__where">
                <p className="focus__progress">
                  <span>
                    Theme {index + 1} of {themes.length}
                  </span>
                  <span className="focus__explored"> · {exploredCount} explored</span>
                </p>
                <ol className="focus__steps" aria-label="Themes">
                  {themes.map((item, itemIndex) => (
                    <li key={item.id}>
                      <button
                        type="button"
                        className={`focus__step${explored(item.id) ? ' focus__step--explored' : ''}`}
                        aria-current={itemIndex === index ? 'step' : undefined}
                        aria-label={`${itemIndex + 1}: ${item.name}${explored(item.id) ? ', explored' : ''}`}
                        onClick={() => go(itemIndex)}
                      >
                        {itemIndex + 1}
                      </button>
                    </li>
                  ))}
                </ol>
              </div>
              <div className="focus__tools">
                <SessionClock clock={session.clock} disabled={false} compact />
                <button type="button" className="quiet small" onClick={() => setOpen(false)}>
                  Leave focus mode
                </button>
              </div>
            </header>

            <div className="focus__body">
              <h2 className="focus__theme" ref={heading} tabIndex={-1}>
                {theme.name}
              </h2>
              {theme.prompts[0] && (
                <p className="focus__prompt">
                  “{theme.prompts[0].before}
                  <strong>{theme.prompts[0].theme}</strong>
                  {theme.prompts[0].after}”
                </p>
              )}
              {theme.prompts.length > 1 && (
                <ul className="focus__other-prompts" aria-label="Or ask">
                  {theme.prompts.slice(1).map((prompt) => (
                    <li key={promptText(prompt)}>Or: “{promptText(prompt)}”</li>
                  ))}
                </ul>
              )}
              <div className="focus__columns">
                <div className="focus__asks">
                  <h3 className="focus__label">Follow-ups</h3>
                  <ul className="focus__follow-ups">
                    {theme.followUps.map((question) => (
                      <li key={promptText(question)}>{promptText(question)}</li>
                    ))}
                  </ul>
                  {theme.evidence.length > 0 && (
                    <>
                      <h3 className="focus__label">From the Discovery Doc</h3>
                      {theme.evidence.map((quote) => (
                        <blockquote key={quote} className="focus__quote">
                          {quote}
                        </blockquote>
                      ))}
                    </>
                  )}
                </div>
                <div className="focus__notes">
                  <NotesField
                    id="focus-notes"
                    part={theme.id}
                    subject={theme.name}
                    label={`Notes on ${theme.name}`}
                    value={session.notes[theme.id]?.text ?? ''}
                    disabled={false}
                    rows={7}
                  />
                  <label className="coach-check">
                    <input
                      type="checkbox"
                      checked={explored(theme.id)}
                      aria-label={`Explored: ${theme.name}`}
                      onChange={(event) => setExplored(theme.id, event.currentTarget.checked)}
                    />
                    <span>Explored</span>
                  </label>
                  <StatusLine status={status} />
                </div>
              </div>
            </div>

            <footer className="focus__nav">
              <button type="button" className="quiet focus__move" aria-disabled={index === 0} onClick={() => go(index - 1)}>
                <span aria-hidden="true">← </span>Previous
              </button>
              <p className="focus__keys">
                <kbd>←</kbd> <kbd>→</kbd> previous, next · <kbd>Home</kbd> <kbd>End</kbd> first, last · <kbd>Esc</kbd> leave the notes, then focus mode
              </p>
              {index < last ? (
                <button type="button" className="focus__move" onClick={() => go(index + 1)}>
                  Next<span aria-hidden="true"> →</span>
                </button>
              ) : (
                <button type="button" className="focus__move" onClick={finish}>
                  Finish: go to the close
                </button>
              )}
            </footer>
            <p className="visually-hidden" aria-live="polite">
              {announcement}
            </p>
          </div>
        )}
      </dialog>
    </div>
  );
}
