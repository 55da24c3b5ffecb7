import { useId, useRef, useState } from 'react';
import { encodeShareFragment, MAX_LINK_BYTES, shareMailto } from '../../share/codec.ts';
import { hasAnswers, type Theme } from '../../stores/model.ts';
import { readSavedAnswers } from '../../stores/saved-answers.ts';
import { exportFile, exportFileName } from '../../stores/transfer.ts';
import type { AnswersFile } from '../../schemas/answers.ts';
import { downloadText } from '../download.ts';
import { useHydrated } from '../hydrated.ts';

interface Props {
  slug: string;
  /** The name the workbook greets the client by, for the email. */
  greeting: string;
  coachName: string;
  coachEmail: string;
  /** The coach's review page for this client: `<coach baseUrl>/coach/<slug>/review/`. */
  reviewUrl: string;
  /** The coach's themes, to read answers saved by an older workbook. */
  themes?: Theme[];
}

type State =
  | { step: 'idle' }
  | { step: 'working' }
  | { step: 'nothing'; message: string }
  | { step: 'ready'; file: AnswersFile; link: string | undefined; mailto: string | undefined };

const REASONS = {
  none: 'There is nothing to send yet: your answers will appear here once you start the homework.',
  unavailable: 'This browser is not letting the workbook read its storage (a private window, perhaps), so there are no saved answers to send.',
  unreadable: 'Your saved answers could not be read. Open any homework page: the workbook keeps a backup and will tell you what to do.',
  newer: 'Your answers were saved by a newer version of this workbook. Reload the page to get it, then try again.',
} as const;

/**
 * "Share with my coach": packs the client's answers into a link to the coach's
 * review page. The answers ride in the part after `#`, which browsers never
 * send to a server, so only someone holding the link can read them.
 */
export default function ShareWithCoach({ slug, greeting, coachName, coachEmail, reviewUrl, themes = [] }: Props) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const hydrated = useHydrated();
  const [status, setStatus] = useState('');
  const linkRef = useRef<HTMLInputElement>(null);
  const id = useId();

  async function create() {
    setStatus('');
    setState({ step: 'working' });
    const stored = readSavedAnswers(slug, themes);
    if (!stored.ok) return setState({ step: 'nothing', message: REASONS[stored.reason] });
    if (!hasAnswers(stored.answers)) return setState({ step: 'nothing', message: REASONS.none });
    const file = exportFile(slug, stored.answers, Date.now());
    try {
      const { fragment, jsonBytes } = await encodeShareFragment(file);
      const link = jsonBytes <= MAX_LINK_BYTES ? `${reviewUrl}#${fragment}` : undefined;
      const mailto = link
        ? shareMailto({
            to: coachEmail,
            subject: `${greeting}'s workbook answers`,
            intro: `Hello ${coachName},\n\nHere are my workbook answers. The link opens them on your review page.`,
            link,
          })
        : undefined;
      setState({ step: 'ready', file, link, mailto });
      setStatus(link ? 'The link is ready.' : 'Your answers are too long for a link: download the file instead.');
    } catch {
      setState({ step: 'ready', file, link: undefined, mailto: undefined });
      setStatus('This browser could not make a link: download the file instead.');
    }
  }

  async function copy(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      setStatus('Link copied. Paste it into a message to your coach.');
    } catch {
      linkRef.current?.select();
      setStatus('Copying was not allowed here. The link is selected: press Ctrl+C (or ⌘C on a Mac) to copy it.');
    }
  }

  function download(file: AnswersFile) {
    const name = exportFileName(file.slug, Date.parse(file.exportedAt));
    downloadText(name, `${JSON.stringify(file, null, 2)}\n`, 'application/json');
    setStatus(`Downloaded ${name}. Attach it to an email to ${coachName}.`);
  }

  return (
    <div className="share">
      <p>
        <button type="button" onClick={create} disabled={!hydrated || state.step === 'working'}>
          {state.step === 'ready' ? 'Update the link' : 'Create the link'}
        </button>
      </p>
      {state.step === 'nothing' && <p className="notice">{state.message}</p>}
      {state.step === 'ready' && (
        <>
          {state.link ? (
            <>
              <p className="share__field">
                <label htmlFor={`${id}-link`}>Link for {coachName}</label>
                <input ref={linkRef} id={`${id}-link`} type="text" readOnly value={state.link} onFocus={(event) => event.currentTarget.select()} />
              </p>
              <p className="share__actions">
                <button type="button" onClick={() => copy(state.link!)}>
                  Copy link
                </button>
                {state.mailto && (
                  <a className="button button--quiet" href={state.mailto}>
                    Open in email
                  </a>
                )}
                <button type="button" className="quiet" onClick={() => download(state.file)}>
                  Download answers file
                </button>
              </p>
              {!state.mailto && (
                <p className="notice">
                  This link is too long to open in an email program. Copy it into a message, or download your answers file and attach it to an email to{' '}
                  {coachName}.
                </p>
              )}
            </>
          ) : (
            <>
              <p className="notice notice--warn">
                Your answers are too long for a link. Download the file and attach it to an email to {coachName}: it opens on the same review page.
              </p>
              <p>
                <button type="button" onClick={() => download(state.file)}>
                  Download answers file
                </button>
              </p>
            </>
          )}
        </>
      )}
      <p role="status" className="share__status">
        {status}
      </p>
    </div>
  );
}
