import { useStore } from '@nanostores/react';
import { useMemo } from 'react';
import type { Answers } from '../../schemas/answers.ts';
import { $answers, $lastRemoved, $saveStatus, INITIAL_STATUS, initAnswers, type SaveStatus } from '../../stores/answers.ts';
import { $now } from '../../stores/clock.ts';
import { seedAnswers, type Theme } from '../../stores/model.ts';

/** What every homework island is given by its page. */
export interface HomeworkProps {
  /** The client's private slug, which scopes their storage. */
  slug: string;
  /** The coach's themes, which seed the values before the client has answered. */
  themes: Theme[];
}

/**
 * The client's answers for an island. On the server and during hydration it
 * gives the seeded answers the HTML was rendered from, then the stored ones,
 * so a reload with saved answers never trips a hydration mismatch.
 */
export function useAnswers({ slug, themes }: HomeworkProps): Answers {
  if (typeof window !== 'undefined') initAnswers(slug, themes);
  const seed = useMemo(() => seedAnswers(themes), [themes]);
  return useStore($answers, { ssr: () => seed });
}

export function useSaveStatus(): SaveStatus {
  return useStore($saveStatus, { ssr: () => INITIAL_STATUS });
}

export function useNow(): number {
  return useStore($now, { ssr: 'initial' });
}

export function useLastRemoved() {
  return useStore($lastRemoved, { ssr: 'initial' });
}
