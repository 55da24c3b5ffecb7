import { useStore } from '@nanostores/react';
import { useRef, useState } from 'react';
import { $coachUnreadable, coachFile, coachFileName, importCoachFile } from '../../stores/coach.ts';
import StatusLine from './StatusLine.tsx';
import { useCoachSession } from './hooks.ts';
import { downloadText } from '../download.ts';
import { useHydrated } from '../hydrated.ts';
import './coach.css';

interface Props {
  slug: string;
  clientName: string;
  /** The parts of the session the guide has notes boxes for; other notes are from renamed themes. */
  parts: string[];
}

/** Export and import of the coach's data for this client, with the storage status and anything unreadable. */
export default function CoachData({ slug, clientName, parts }: Props) {
  const hydrated = useHydrated();
  const { session, status } = useCoachSession(slug);
  const unreadable = useStore($coachUnreadable, { ssr: () => null });
  const [problems, setProblems] = useState<string[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const orphans = Object.entries(session.notes).filter(([part, note]) => !parts.includes(part) && note.text.trim() !== '');

  async function onImport(file: File | undefined) {
    if (!file) return;
    const result = importCoachFile(await file.text(), file.name);
    setProblems(result.ok ? [] : result.problems);
    if (input.current) input.current.value = '';
  }

  return (
    <div className="coach-data">
      <StatusLine status={status} />
      <div className="coach-data__actions">
        <button
          type="button"
          disabled={!hydrated}
          onClick={() => downloadText(coachFileName(slug), `${JSON.stringify(coachFile(slug, clientName), null, 2)}\n`, 'application/json')}
        >
          Export notes
        </button>
        <div className="coach-data__import">
          <label htmlFor="coach-import">Import notes from a file</label>
          <input
            id="coach-import"
            ref={input}
            type="file"
            accept=".json,application/json"
            disabled={!hydrated}
            onChange={(event) => void onImport(event.currentTarget.files?.[0])}
          />
        </div>
      </div>
      {problems.length > 0 && (
        <div className="coach-status coach-status--error" role="alert">
          <p>Nothing was imported:</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>
                <code>{problem}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {unreadable !== null && (
        <p>
          <button type="button" className="quiet" onClick={() => downloadText(`coach-notes-${slug}-unreadable.txt`, unreadable, 'text/plain')}>
            Download the unreadable copy
          </button>
        </p>
      )}
      {orphans.length > 0 && (
        <section className="coach-data__orphans" aria-labelledby="orphan-notes">
          <h3 id="orphan-notes">Notes on themes no longer in {clientName}'s file</h3>
          {orphans.map(([part, note]) => (
            <div key={part} className="card">
              <h4>{note.label}</h4>
              <p className="coach-data__orphan-text">{note.text}</p>
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
