import { useStore } from '@nanostores/react';
import { useMemo, useRef } from 'react';
import type { Value } from '../../schemas/answers.ts';
import { $rankedValues, initAnswers } from '../../stores/answers.ts';
import { rankedValues, seedAnswers, type Theme } from '../../stores/model.ts';
import type { PosterValue } from '../../poster/layout.ts';

/** A value as the poster shows it: its name and the word from its chain marked bold. */
export function posterValue(value: Value): PosterValue {
  return { label: value.label, bold: value.chain.find((word) => word.id === value.boldId)?.text ?? null };
}

/**
 * The client's values for the poster, most important first, from the answers
 * store. On the server and during hydration it gives the coach's themes, as
 * the HTML was rendered, then the stored ranking.
 */
export function usePosterValues(slug: string, themes: readonly Theme[]): PosterValue[] {
  if (typeof window !== 'undefined') initAnswers(slug, themes);
  const seed = useMemo(() => rankedValues(seedAnswers(themes)), [themes]);
  const ranked = useStore($rankedValues, { ssr: () => seed });
  const values = useMemo(() => ranked.map(posterValue), [ranked]);
  // The same values keep the same list, so the poster is not laid out again when
  // hydration swaps the coach's themes for stored answers that say the same.
  const kept = useRef(values);
  if (!sameValues(kept.current, values)) kept.current = values;
  return kept.current;
}

function sameValues(a: readonly PosterValue[], b: readonly PosterValue[]): boolean {
  return a.length === b.length && a.every((value, index) => value.label === b[index]?.label && value.bold === b[index]?.bold);
}
