import { describeCoachStatus, type CoachStatus } from '../../stores/coach.ts';

/** The quiet "saved" line, which turns into an alert when something goes wrong. */
export default function StatusLine({ status, onlyProblems = false }: { status: CoachStatus; onlyProblems?: boolean }) {
  const { tone, text } = describeCoachStatus(status);
  const problem = tone === 'error' || tone === 'warn';
  if (onlyProblems && !problem) return null;
  return (
    <p className={`coach-status coach-status--${tone}`} role={problem ? 'alert' : 'status'}>
      {text}
    </p>
  );
}
