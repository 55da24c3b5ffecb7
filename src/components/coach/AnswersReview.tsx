import { Component, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { GAP_WORTH_A_LOOK, LIVING_MAX, livingGaps } from '../../lib/gap.ts';
import { useStore } from '@nanostores/react';
import type { AnswersFile, Value } from '../../schemas/answers.ts';
import { useHydrated } from '../hydrated.ts';
import { FIRST_WORKBOOK, notesOf } from '../../stores/model.ts';
import { $keptAt, $review, $reviewNotice, forgetReview, keepReview, openFile, openPastedLink, openReview } from '../../share/review.ts';
import { themesYaml, type FileTheme } from '../../share/client-words.ts';

type Theme = FileTheme;

interface Props {
  slug: string;
  /** The client's name, for headings. */
  clientName: string;
  /** The coach's themes from the session, to show renames and dropped themes. */
  themes: Theme[];
  /** The build-time poster, when the workbook has one. */
  posterUrl?: string | undefined;
}

/** The review of a client's answers: read-only, and every piece of it shown as text. */
export default function AnswersReview({ slug, clientName, themes, posterUrl }: Props) {
  const hydrated = useHydrated();
  const state = useStore($review);
  const keptAt = useStore($keptAt);
  const notice = useStore($reviewNotice);
  const [pasted, setPasted] = useState('');
  const id = useId();

  useEffect(() => {
    const open = () => void openReview(slug, window.location.hash);
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, [slug]);

  function submitLink(event: FormEvent) {
    event.preventDefault();
    void openPastedLink(slug, pasted);
  }

  return (
    <div className="review">
      <div className="review__open no-print">
        <p className="review__field">
          <label htmlFor={`${id}-file`}>Open an answers file</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".json,application/json"
            disabled={!hydrated}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void openFile(slug, file);
              event.currentTarget.value = '';
            }}
          />
        </p>
        <form className="review__field" onSubmit={submitLink}>
          <label htmlFor={`${id}-link`}>Or paste the link {clientName} sent</label>
          <span className="review__inline">
            <input
              id={`${id}-link`}
              type="text"
              inputMode="url"
              autoComplete="off"
              value={pasted}
              readOnly={!hydrated}
              onChange={(event) => setPasted(event.currentTarget.value)}
            />
            <button type="submit">Open link</button>
          </span>
        </form>
      </div>

      <p role="status" className="review__notice">
        {notice}
      </p>

      {state.status === 'empty' && (
        <p className="notice">No answers are open yet. Open the link {clientName} sent you with “Share with my coach”, or the answers file they attached.</p>
      )}
      {state.status === 'reading' && <p className="notice">Reading the answers…</p>}
      {state.status === 'error' && (
        <div role="alert" className="notice notice--warn review__error">
          <p>
            <strong>These answers could not be opened.</strong> {state.sentence} Nothing was changed.
          </p>
          <p>Ask {clientName} to send the link again, or to download the answers file and attach it.</p>
        </div>
      )}
      {state.status === 'ready' && (
        <ShownSafely>
          <ReviewActions slug={slug} file={state.file} source={state.source} keptAt={keptAt} />
          <Answers file={state.file} clientName={clientName} themes={themes} posterUrl={posterUrl} />
        </ShownSafely>
      )}
    </div>
  );
}

/** A last line of defence: answers that pass the schema but still upset rendering get a message, not a blank page. */
class ShownSafely extends Component<{ children: ReactNode }, { failed: string | undefined }> {
  override state: { failed: string | undefined } = { failed: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(error: unknown) {
    console.warn(`error: answers: (file): expected answers this page can show, found ${error instanceof Error ? error.message : String(error)}`);
  }

  override render() {
    if (this.state.failed !== undefined) {
      return (
        <div role="alert" className="notice notice--warn review__error">
          <p>
            <strong>These answers could not be shown.</strong> Something in them is more than this page can display. Nothing was changed.
          </p>
        </div>
      );
    }
    return this.props.children;
  }
}

function formatWhen(when: string | number): string {
  const date = new Date(when);
  if (Number.isNaN(date.getTime())) return String(when);
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const value = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1));
  if (Number.isNaN(value.getTime())) return day;
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(value);
}

const SOURCES = { link: 'a share link', file: 'an answers file', saved: 'the copy kept in this browser' } as const;

function ReviewActions({ slug, file, source, keptAt }: { slug: string; file: AnswersFile; source: keyof typeof SOURCES; keptAt: string | undefined }) {
  return (
    <div className="review__meta">
      <p>
        Opened from {SOURCES[source]}. Sent {formatWhen(file.exportedAt)}
        {file.data.updatedAt > 0 && <>; last changed {formatWhen(file.data.updatedAt)}</>}.{keptAt && <> Kept in this browser on {formatWhen(keptAt)}.</>}
      </p>
      <p className="review__actions no-print">
        {keptAt ? (
          <button type="button" className="quiet" onClick={() => forgetReview(slug)}>
            Forget the kept copy
          </button>
        ) : (
          <button type="button" onClick={() => keepReview(slug)}>
            Keep in this browser
          </button>
        )}
        <button type="button" className="quiet" onClick={() => window.print()}>
          Print
        </button>
      </p>
    </div>
  );
}

/** Values in ranking order; equal or missing ranks keep the order they were sent in. */
function ranked(values: readonly Value[]): Value[] {
  return values
    .map((value, index) => ({ value, index }))
    .sort((a, b) => a.value.rank - b.value.rank || a.index - b.index)
    .map(({ value }) => value);
}

function Answers({ file, clientName, themes, posterUrl }: { file: AnswersFile; clientName: string; themes: Theme[]; posterUrl: string | undefined }) {
  const values = ranked(file.data.values);
  const themeNames = new Map(themes.map((theme) => [theme.id, theme.name]));
  const kept = new Set(values.map((value) => value.id));
  const dropped = themes.filter((theme) => !kept.has(theme.id));
  return (
    <>
      <section aria-labelledby="review-chains" className="review__section">
        <h2 id="review-chains">Values and their chains</h2>
        {values.length === 0 ? (
          <p>No values yet.</p>
        ) : (
          <ol className="review__values">
            {values.map((value, index) => {
              const theme = themeNames.get(value.id);
              return (
                <li key={index} className="card review__value">
                  <h3>{value.label}</h3>
                  {value.origin === 'client' ? (
                    <p className="review__origin">Added by {clientName}</p>
                  ) : (
                    theme && theme !== value.label && <p className="review__origin">Renamed from the theme “{theme}”</p>
                  )}
                  <Chain value={value} />
                  <LensBeside file={file} value={value} />
                </li>
              );
            })}
          </ol>
        )}
        {dropped.length > 0 && <p>Themes from the session not kept: {dropped.map((theme) => theme.name).join(', ')}.</p>}
      </section>

      <Ranking file={file} values={values} />
      <Ratings values={values} />

      <section aria-labelledby="review-notes" className="review__section">
        <h2 id="review-notes">Notes</h2>
        {notesOf(file.data).trim() === '' ? <p>No notes.</p> : <div className="card review__notes">{notesOf(file.data)}</div>}
      </section>

      <Lens file={file} values={values} />
      {Object.entries(file.data.workbooks)
        .filter(([workbook, book]) => workbook !== FIRST_WORKBOOK && (book.notes.trim() !== '' || (book.goals ?? []).length > 0))
        .map(([workbook, book]) => (
          <section key={workbook} aria-labelledby={`review-${workbook}`} className="review__section">
            <h2 id={`review-${workbook}`}>{workbook === 'goals' ? 'Goals' : `Answers from the ${workbook.replace(/-/g, ' ')} session`}</h2>
            {(book.goals ?? []).length > 0 && (
              <ol>
                {(book.goals ?? []).map((goal) => (
                  <li key={goal.id}>
                    <p>{goal.text}</p>
                    {goal.firstStep !== '' && <p>First step: {goal.firstStep}</p>}
                    {goal.honours.length > 0 && <p>Honours: {labels(values, goal.honours)}</p>}
                    {goal.pullsAgainst.length > 0 && <p>Pulls against: {labels(values, goal.pullsAgainst)}</p>}
                    {goal.note !== '' && <p>{goal.note}</p>}
                  </li>
                ))}
              </ol>
            )}
            {book.notes.trim() !== '' && <div className="card review__notes">{book.notes}</div>}
          </section>
        ))}

      <ClientWords file={file} clientName={clientName} themes={themes} />

      <section aria-labelledby="review-poster" className="review__section review__poster-section">
        <h2 id="review-poster">Poster</h2>
        <figure className="review__poster">
          <p className="review__poster-title">{clientName}’s values</p>
          <ol>
            {values.map((value, index) => {
              const bold = value.chain.find((word) => word.id === value.boldId);
              return (
                <li key={index}>
                  <span className="review__poster-label">{value.label}</span>
                  {bold && <span className="review__poster-word">{bold.text}</span>}
                </li>
              );
            })}
          </ol>
          <figcaption>The values in {clientName}’s order, each with the word they marked bold.</figcaption>
        </figure>
        {posterUrl && (
          <figure className="review__built-poster">
            <img src={posterUrl} alt={`The poster made for ${clientName} when the workbook was built, from the session's themes`} loading="lazy" width="400" />
            <figcaption>The poster made when the workbook was built, from the session’s themes.</figcaption>
          </figure>
        )}
      </section>
    </>
  );
}

function Chain({ value }: { value: Value }) {
  if (value.chain.length === 0) return <p className="review__muted">No words in the chain yet.</p>;
  return (
    <ol className="review__chain" aria-label={`Chain for ${value.label}`}>
      {value.chain.map((word, index) => (
        <li key={index}>
          {word.id === value.boldId ? (
            <strong>
              {word.text}
              <span className="visually-hidden"> (marked bold)</span>
            </strong>
          ) : (
            word.text
          )}
        </li>
      ))}
    </ol>
  );
}

/** How many days of the ranking history the table shows: the homework week. */
const HISTORY_DAYS = 7;

function Ranking({ file, values }: { file: AnswersFile; values: Value[] }) {
  const history = [...file.data.history].sort((a, b) => a.date.localeCompare(b.date));
  const days = history.slice(-HISTORY_DAYS);
  const first = days[0];
  return (
    <section aria-labelledby="review-ranking" className="review__section">
      <h2 id="review-ranking">Ranking, and how it moved</h2>
      {days.length === 0 ? (
        <p>The ranking has no history yet.</p>
      ) : (
        <div className="review__scroll">
          <table className="review__history">
            <caption>
              Place of each value on each day the ranking changed
              {history.length > days.length && `, the last ${days.length} of ${history.length} days`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Value (now)</th>
                {days.map((day, index) => (
                  <th scope="col" key={index}>
                    {formatDay(day.date)}
                  </th>
                ))}
                <th scope="col">Since {first ? formatDay(first.date) : 'the start'}</th>
              </tr>
            </thead>
            <tbody>
              {values.map((value, row) => {
                const start = first ? first.order.indexOf(value.id) : -1;
                const now = row + 1;
                const moved = start === -1 ? 'new' : start + 1 === now ? 'same place' : start + 1 > now ? `up ${start + 1 - now}` : `down ${now - start - 1}`;
                return (
                  <tr key={row}>
                    <th scope="row">
                      {now}. {value.label}
                    </th>
                    {days.map((day, index) => {
                      const place = day.order.indexOf(value.id);
                      return <td key={index}>{place === -1 ? '–' : place + 1}</td>;
                    })}
                    <td>{moved}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Ratings({ values }: { values: Value[] }) {
  const worth = livingGaps(values).filter((row) => row.worthALook);
  return (
    <section aria-labelledby="review-ratings" className="review__section">
      <h2 id="review-ratings">Living scores and gaps</h2>
      <p>How much {values.length === 1 ? 'the value is' : 'each value is'} lived today, from 1 to 10, in ranking order. The gap is what is left to 10.</p>
      <ul className="review__gaps">
        {values.map((value, index) => (
          <li key={index} className="review__gap">
            <span className="review__gap-label">
              {index + 1}. {value.label}
            </span>
            <svg className="review__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect x="0" y="0" width="100" height="10" className="review__bar-gap" />
              {value.rating !== null && <rect x="0" y="0" width={value.rating * 10} height="10" className="review__bar-score" />}
            </svg>
            <span className="review__gap-figure">{value.rating === null ? 'not rated' : `${value.rating} of 10, gap ${LIVING_MAX - value.rating}`}</span>
          </li>
        ))}
      </ul>
      {worth.length > 0 && (
        <p className="notice">
          Worth a look: {worth.map((value) => value.label).join(', ')} {worth.length === 1 ? 'is' : 'are'} near the top of the ranking with a gap of{' '}
          {GAP_WORTH_A_LOOK} or more.
        </p>
      )}
    </section>
  );
}

/** The names of these values in the client's order. */
function labels(values: Value[], ids: readonly string[]): string {
  return values
    .filter((value) => ids.includes(value.id))
    .map((value) => value.label)
    .join(', ');
}

const MARK_WORDS = { honours: 'honours', pulls: 'pulls against', neither: 'neither' } as const;

/** The values lens: each choice with how it sits against each value, newest first. */
function Lens({ file, values }: { file: AnswersFile; values: Value[] }) {
  const dateOf = (time: number) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(time));
  return (
    <section aria-labelledby="review-lens" className="review__section">
      <h2 id="review-lens">Values lens</h2>
      {file.data.lens.length === 0 ? (
        <p>No choices held up against the values yet.</p>
      ) : (
        <ol>
          {file.data.lens.map((entry) => (
            <li key={entry.id}>
              <p>
                {dateOf(entry.createdAt)}: {entry.text}
              </p>
              <ul>
                {values
                  .filter((value) => entry.marks[value.id] !== undefined)
                  .map((value) => (
                    <li key={value.id}>
                      {value.label}: {MARK_WORDS[entry.marks[value.id] ?? 'neither']}
                    </li>
                  ))}
              </ul>
              {entry.note !== '' && <p>{entry.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Where the values lens touches one value: the choices that pull against it first, as those are worth a question. */
function LensBeside({ file, value }: { file: AnswersFile; value: Value }) {
  const pulls = file.data.lens.filter((entry) => entry.marks[value.id] === 'pulls');
  const honours = file.data.lens.filter((entry) => entry.marks[value.id] === 'honours');
  if (pulls.length + honours.length === 0) return null;
  const quote = (entries: typeof pulls) => entries.map((entry) => `“${entry.text}”`).join(', ');
  return (
    <div className="review__lens-beside">
      {pulls.length > 0 && (
        <p className="review__conflict">
          <strong>Pulled against by</strong> {quote(pulls)}
        </p>
      )}
      {honours.length > 0 && <p>Honoured by {quote(honours)}</p>}
    </div>
  );
}

/** The client's values as a themes block for their client file, to copy; the file changes only if the coach pastes it. */
function ClientWords({ file, clientName, themes }: { file: AnswersFile; clientName: string; themes: Theme[] }) {
  const text = themesYaml(file.data.values, themes, clientName);
  const [copied, setCopied] = useState('');
  const id = useId();
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Copied. Paste it over the themes in the client file when you are ready.');
    } catch {
      setCopied('This browser did not allow copying: select the block and copy it by hand.');
    }
  }
  return (
    <section aria-labelledby="review-words" className="review__section no-print">
      <h2 id="review-words">{clientName}’s words for the next session</h2>
      <p>
        The values as {clientName} has them now: their names, their order, and the word they marked bold. Paste this over the themes in the client file, so the
        next session’s guide speaks in {clientName}’s words. Nothing changes until you do.
      </p>
      <label htmlFor={`${id}-yaml`}>Themes for the client file</label>
      <textarea id={`${id}-yaml`} className="review__yaml" readOnly value={text} rows={Math.min(24, text.split('\n').length)} spellCheck={false} />
      <p>
        <button type="button" onClick={() => void copy()}>
          Copy the themes
        </button>{' '}
        <span aria-live="polite">{copied}</span>
      </p>
    </section>
  );
}
