import { useState } from 'react';
import { setExplored } from '../../stores/coach.ts';
import NotesField from './NotesField.tsx';
import StatusLine from './StatusLine.tsx';
import { useCoachSession } from './hooks.ts';
import { useHydrated } from '../hydrated.ts';
import './coach.css';

interface Props {
  slug: string;
  /** A theme id, or another part of the session such as `opening`. */
  part: string;
  /** What the notes are about, e.g. the theme's name. */
  subject: string;
  label: string;
  /** Whether to offer the "explored" mark (themes only). */
  explorable?: boolean;
}

/** The notes box (and, for a theme, the explored mark) on the session guide. */
export default function ThemeNotes({ slug, part, subject, label, explorable = false }: Props) {
  const hydrated = useHydrated();
  const { session, status } = useCoachSession(slug);
  const [edited, setEdited] = useState(false);
  const explored = session.explored.includes(part);
  return (
    <div className="theme-notes">
      <NotesField
        id={`notes-${part}`}
        part={part}
        subject={subject}
        label={label}
        value={session.notes[part]?.text ?? ''}
        disabled={!hydrated}
        onEdit={() => setEdited(true)}
      />
      {explorable && (
        <label className="coach-check">
          <input
            type="checkbox"
            checked={explored}
            aria-label={`Explored: ${subject}`}
            disabled={!hydrated}
            onChange={(event) => {
              setExplored(part, event.currentTarget.checked);
              setEdited(true);
            }}
          />
          <span>Explored</span>
        </label>
      )}
      {edited && <StatusLine status={status} onlyProblems />}
    </div>
  );
}
