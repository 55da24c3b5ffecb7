import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { AnswersFile } from '../../schemas/answers.ts';
import { $answers, dismissRecovered, replaceAnswers, type SaveStatus } from '../../stores/answers.ts';
import type { Theme } from '../../stores/model.ts';
import { savedText } from '../../stores/status-text.ts';
import { MAX_ANSWERS_FILE_BYTES } from '../../stores/limits.ts';
import { exportFile, exportFileName } from '../../stores/transfer.ts';
import { useHydrated } from '../hydrated.ts';
import { downloadText } from '../download.ts';
import { useNow, useSaveStatus } from './useAnswers.ts';

/**
 * What every homework island has around its work: a banner when storage
 * fails, the quiet "Saved · 2 min ago" line, and the answers file (download
 * and import). None of it prints.
 */
export function HomeworkFrame({ slug, themes, children }: { slug: string; themes: readonly Theme[]; children: ReactNode }) {
  const status = useSaveStatus();
  // False in the server HTML and during hydration, true from the render that shows this browser's answers.
  const live = useHydrated();
  return (
    <div className="homework" aria-busy={live ? undefined : true}>
      <StorageBanner slug={slug} status={status} />
      {children}
      <AnswersFileSection slug={slug} themes={themes} />
      <SavedLine status={status} />
    </div>
  );
}

export function downloadAnswers(slug: string): void {
  const now = Date.now();
  downloadText(exportFileName(slug, now), `${JSON.stringify(exportFile(slug, $answers.get(), now), null, 2)}\n`, 'application/json');
}

function StorageBanner({ slug, status }: { slug: string; status: SaveStatus }) {
  const download = (
    <button type="button" className="quiet" onClick={() => downloadAnswers(slug)}>
      Download my answers
    </button>
  );
  let message: ReactNode = null;
  if (status.state === 'memory') {
    message = (
      <>
        <p>
          <strong>Your answers are not being saved.</strong> This browser is not letting the workbook keep anything (this happens in private browsing, or when
          site storage is turned off). Everything works on this page, but it will be gone when you close it.
        </p>
        <p>Download your answers to keep a copy. You can import the file later in a normal window.</p>
        {download}
      </>
    );
  } else if (status.state === 'unsaved') {
    message = (
      <>
        <p>
          <strong>Your last change is not saved.</strong>{' '}
          {status.error === 'quota' ? "This browser's storage for the workbook is full." : 'This browser refused to save it.'} It is still here on the page.
          Download your answers to keep a copy; this message goes away as soon as a change saves again.
        </p>
        {download}
      </>
    );
  }
  const recovered = status.recovered;
  return (
    <div className="no-print" aria-live="polite">
      {message && <div className="notice notice--warn storage-banner">{message}</div>}
      {recovered && (
        <div className="notice notice--warn storage-banner">
          <p>
            <strong>Some saved answers could not be read</strong>
            {recovered.reason === 'newer-version' ? ', because a newer version of this workbook saved them' : ''}, so the workbook started afresh.{' '}
            {recovered.backupKey ? 'A copy of what was there is kept in this browser.' : 'Download what was there to keep it.'} If answers are missing, send the
            copy to your coach.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="quiet"
              onClick={() => downloadText(exportFileName(slug, Date.now(), 'answers-backup'), recovered.raw, 'text/plain')}
            >
              Download the copy
            </button>
            <button type="button" className="quiet" onClick={dismissRecovered}>
              Dismiss
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function SavedLine({ status }: { status: SaveStatus }) {
  const now = useNow();
  const warn = status.state === 'unsaved' || status.state === 'memory';
  return (
    <p className={`saved-line no-print${warn ? ' saved-line--warn' : ''}`}>
      <span className="saved-line__dot" aria-hidden="true" />
      {savedText(status, now)}
    </p>
  );
}

type ImportState =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'refused'; message: string }
  | { step: 'preview'; file: AnswersFile; name: string; changes: string[] }
  | { step: 'done'; text: string };

function AnswersFileSection({ slug, themes }: { slug: string; themes: readonly Theme[] }) {
  const hydrated = useHydrated();
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const inputId = useId();
  const headingId = useId();
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state.step === 'preview') previewHeading.current?.focus();
  }, [state.step]);

  async function choose(file: File | undefined) {
    if (!file) return;
    setState({ step: 'checking' });
    // Too large to read: refused before a byte is loaded.
    const text = file.size > MAX_ANSWERS_FILE_BYTES ? '' : await file.text();
    const { checkAnswersFile, describeChanges } = await import('../../stores/import-file.ts');
    const checked = checkAnswersFile(text, file.name, file.size, slug, { themes });
    if (input.current) input.current.value = '';
    if (!checked.ok) {
      setState({ step: 'refused', message: checked.message });
      return;
    }
    setState({ step: 'preview', file: checked.file, name: file.name, changes: describeChanges($answers.get(), checked.file) });
  }

  function confirm() {
    if (state.step !== 'preview') return;
    replaceAnswers(state.file.data);
    setState({ step: 'done', text: `Imported. Your answers now match ${state.name}.` });
  }

  return (
    <section className="answers-file no-print" aria-labelledby={headingId}>
      <h2 id={headingId}>Keep a copy of your answers</h2>
      <p>
        Your answers live in this browser only. Download them now and then: to move to another device, to send to your coach, or in case the browser clears what
        it has saved.
      </p>
      <div className="button-row">
        <button type="button" onClick={() => downloadAnswers(slug)}>
          Download my answers
        </button>
        <input
          ref={input}
          id={inputId}
          className="file-input"
          type="file"
          accept=".json,application/json"
          disabled={!hydrated}
          onChange={(event) => void choose(event.currentTarget.files?.[0])}
        />
        <label htmlFor={inputId} className="button button--quiet">
          Import answers from a file
        </label>
      </div>
      <div aria-live="polite">
        {state.step === 'checking' && <p>Checking the file…</p>}
        {state.step === 'refused' && <p className="form-error">{state.message}</p>}
        {state.step === 'done' && <p className="notice">{state.text}</p>}
      </div>
      {state.step === 'preview' && (
        <div className="notice import-preview" role="region" aria-labelledby={`${headingId}-preview`}>
          <h3 id={`${headingId}-preview`} ref={previewHeading} tabIndex={-1}>
            Check before you import
          </h3>
          {state.changes.length === 0 ? (
            <p>{state.name} holds the same answers you have here. Importing it changes nothing.</p>
          ) : (
            <>
              <p>Importing {state.name} replaces every answer in this browser. This is what would change:</p>
              <ul>
                {state.changes.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
          <div className="button-row">
            <button type="button" onClick={confirm}>
              Replace my answers with this file
            </button>
            <button type="button" className="quiet" onClick={() => setState({ step: 'idle' })}>
              Keep my answers as they are
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
