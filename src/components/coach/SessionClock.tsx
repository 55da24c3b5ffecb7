import { useEffect, useState } from 'react';
import type { CoachClock } from '../../schemas/coach-session.ts';
import { clockElapsed, formatClock, pauseClock, resetClock, startClock } from '../../stores/coach.ts';

/**
 * The optional session clock: small, grey, silent. It never announces the time
 * (a timer has no live updates) and never changes colour.
 */
export default function SessionClock({ clock, disabled, compact = false }: { clock: CoachClock; disabled: boolean; compact?: boolean }) {
  const running = clock.startedAt !== null;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [running]);
  const elapsed = clockElapsed(clock, running ? now : undefined);
  return (
    <div className="session-clock">
      <span className={compact ? 'visually-hidden' : 'session-clock__label'}>Session clock</span>
      <span className="session-clock__time" role="timer">
        {formatClock(elapsed)}
      </span>
      <button type="button" className="quiet small" disabled={disabled} onClick={() => (running ? pauseClock() : startClock())}>
        {running ? 'Pause clock' : elapsed > 0 ? 'Resume clock' : 'Start clock'}
      </button>
      {!running && elapsed > 0 && (
        <button type="button" className="quiet small" disabled={disabled} onClick={() => resetClock()}>
          Reset clock
        </button>
      )}
    </div>
  );
}
