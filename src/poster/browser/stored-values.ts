/**
 * Reads the client's ranked values for the poster, read-only, from the answers
 * store's saved copy (`workbook:<slug>:answers`, `{ version: 1, data }`; see
 * src/schemas/answers.ts).
 *
 * This stands in for `initAnswers` and `$rankedValues` from
 * src/stores/answers.ts until that store is part of the project; swapping it
 * changes only usePosterValues.ts. It never writes, so it cannot lose anything.
 */
import type { PosterValue } from '../layout.ts';

export interface PosterTheme {
  id: string;
  name: string;
}

export function answersKey(slug: string): string {
  return `workbook:${slug}:answers`;
}

interface StoredValue {
  label: string;
  rank: number;
  boldId: string | null;
  chain: Array<{ id: string; text: string }>;
}

function isStoredValue(value: unknown): value is StoredValue {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Partial<StoredValue>;
  return typeof candidate.label === 'string' && typeof candidate.rank === 'number' && Array.isArray(candidate.chain);
}

/** The coach's themes as poster values, in the coach's order: what a client sees before ranking. */
export function themeValues(themes: readonly PosterTheme[]): PosterValue[] {
  return themes.map((theme) => ({ label: theme.name, bold: null }));
}

/** Parses the stored answers into poster values, most important first; null when nothing usable is stored. */
export function parseStoredValues(text: string | null): PosterValue[] | null {
  if (!text) return null;
  try {
    const stored = JSON.parse(text) as { version?: unknown; data?: { values?: unknown } };
    const values = stored?.data?.values;
    if (stored?.version !== 1 || !Array.isArray(values)) return null;
    const usable = values.filter(isStoredValue);
    if (usable.length === 0) return null;
    return [...usable]
      .sort((a, b) => a.rank - b.rank)
      .map((value) => ({ label: value.label, bold: value.chain.find((word) => word.id === value.boldId)?.text ?? null }));
  } catch {
    return null;
  }
}

/** The client's values, most important first, or the coach's themes when nothing is stored or storage is closed. */
export function readPosterValues(slug: string, themes: readonly PosterTheme[]): PosterValue[] {
  let text: string | null = null;
  try {
    text = window.localStorage.getItem(answersKey(slug));
  } catch {
    text = null;
  }
  return parseStoredValues(text) ?? themeValues(themes);
}

/** Calls back when another tab changes the stored answers. */
export function onStoredValuesChange(slug: string, callback: () => void): () => void {
  const listener = (event: StorageEvent) => {
    if (event.key === null || event.key === answersKey(slug)) callback();
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}
