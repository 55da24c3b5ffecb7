import { useStore } from '@nanostores/react';
import type { CoachSession } from '../../schemas/coach-session.ts';
import { $coachSession, $coachStatus, emptyCoachSession, initCoachSession, type CoachStatus } from '../../stores/coach.ts';

const SERVER_SESSION: CoachSession = emptyCoachSession();
const SERVER_STATUS: CoachStatus = { kind: 'ready' };

/**
 * The coach's data for one client. The store reads storage once per page (the
 * call is idempotent); the server's empty snapshot is used while hydrating, so
 * the first client render matches the HTML.
 */
export function useCoachSession(slug: string): { session: CoachSession; status: CoachStatus } {
  if (typeof window !== 'undefined') initCoachSession(slug);
  const session = useStore($coachSession, { ssr: () => SERVER_SESSION });
  const status = useStore($coachStatus, { ssr: () => SERVER_STATUS });
  return { session, status };
}
