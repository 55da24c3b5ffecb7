import { setChecklistItem } from '../../stores/coach.ts';
import StatusLine from './StatusLine.tsx';
import { useCoachSession } from './hooks.ts';
import { useHydrated } from '../hydrated.ts';
import './coach.css';

export interface ChecklistItem {
  id: string;
  label: string;
  /** A line under the item, such as the theme count. */
  detail?: string;
  /** Whether the detail is a warning the coach should act on. */
  warn?: boolean;
  /** A plain sentence on how to act on the warning, and the file or command it needs, shown as code. */
  fix?: { text: string; code: string };
}

/** The preparation checklist; ticks are kept in the coach's browser. Storage problems show here, at the top of the guide. */
export default function PrepChecklist({ slug, items }: { slug: string; items: ChecklistItem[] }) {
  const hydrated = useHydrated();
  const { session, status } = useCoachSession(slug);
  const done = items.filter((item) => session.checklist.includes(item.id)).length;
  return (
    <div className="prep">
      <ul className="prep__list">
        {items.map((item) => (
          <li key={item.id} className="prep__item">
            <label className="prep__check">
              <input
                type="checkbox"
                checked={session.checklist.includes(item.id)}
                disabled={!hydrated}
                aria-describedby={item.detail ? `prep-${item.id}-detail` : undefined}
                onChange={(event) => {
                  setChecklistItem(item.id, event.currentTarget.checked);
                }}
              />
              <span>{item.label}</span>
            </label>
            {item.detail && (
              <p id={`prep-${item.id}-detail`} className={item.warn ? 'prep__detail prep__detail--warn' : 'prep__detail'}>
                {item.warn && <span aria-hidden="true">⚠ </span>}
                {item.detail}
                {item.fix && (
                  <>
                    {' '}
                    {item.fix.text} <code>{item.fix.code}</code>
                  </>
                )}
              </p>
            )}
          </li>
        ))}
      </ul>
      <p className="prep__progress">{hydrated ? `${done} of ${items.length} done.` : `${items.length} things to do before the session.`}</p>
      <StatusLine status={status} onlyProblems />
    </div>
  );
}
