import { ANSWERS_VERSION, answersSchema, type Answers } from '../../schemas/answers.ts';

/**
 * The one place the print page gets the client's answers from.
 *
 * The answers store (`src/stores/answers.ts`) owns localStorage. Until that
 * store is in this branch, this adapter reads the store's documented format
 * itself: key `workbook:<slug>:answers`, value `{ version: 1, data: Answers }`.
 * Swapping in the store means replacing the body with
 * `initAnswers(slug, themes); return $answers.get();`.
 * It never writes: printing must not change what the client saved.
 */
export function readAnswers(slug: string, themes: { id: string; name: string }[]): Answers {
  const seeded = seedAnswers(themes);
  let raw: string | null;
  try {
    raw = window.localStorage.getItem(`workbook:${slug}:answers`);
  } catch {
    return seeded;
  }
  if (raw === null) return seeded;
  try {
    const stored = JSON.parse(raw) as { version?: unknown; data?: unknown };
    if (stored.version !== ANSWERS_VERSION) return seeded;
    const parsed = answersSchema.safeParse(stored.data);
    return parsed.success ? parsed.data : seeded;
  } catch {
    return seeded;
  }
}

/** The answers a client starts with: the coach's themes, in the coach's order, nothing written yet. */
export function seedAnswers(themes: { id: string; name: string }[]): Answers {
  return {
    values: themes.map((theme, index) => ({
      id: theme.id,
      label: theme.name,
      chain: [],
      boldId: null,
      rank: index + 1,
      rating: null,
      origin: 'coach' as const,
    })),
    history: [],
    notes: '',
    updatedAt: 0,
  };
}

/** Whether the client has written anything at all: words, ratings, notes or a changed order. */
export function hasAnswers(answers: Answers): boolean {
  if (answers.notes.trim() !== '' || answers.history.length > 0) return true;
  return answers.values.some((value) => value.chain.length > 0 || value.rating !== null || value.origin === 'client');
}
