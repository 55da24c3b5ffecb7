import type { Answers, Value } from '../../src/schemas/answers.ts';
import { themeId } from '../../src/lib/slug.ts';
import { answersOf, value as answerValue } from '../sample-answers.ts';

/** A 30-line note, each line with a word that appears nowhere else, so a missing line is easy to spot. */
export const NOTE_LINES = Array.from(
  { length: 30 },
  (_, index) => `Line ${index + 1}: noteword${String(index + 1).padStart(2, '0')} came up on the walk home.`,
);

/**
 * Answers for the sample client as the store keeps them: renamed and added
 * values, chains in several scripts, a bold word each, ranks, ratings, a week
 * of ranking history and a long note.
 */
export function sampleAnswers(themes: Array<{ name: string }>): Answers {
  const chains: Record<string, string[]> = {
    Creativity: ['sketching', 'prototypes', 'blank pages', 'Zeichnen', 'making things'],
    Family: ['Sunday dinners', 'my mum', 'calling home', '家族'],
    'Personal growth': ['reading', 'learning', 'feeling inspired', 'attending classes', 'challenging myself'],
    Autonomy: ['quiet mornings', 'deciding', 'свобода'],
    Honesty: ['saying it plainly', 'no pretending'],
    Adventure: ['the Camino', 'new cities', 'Ωmega trail'],
    Health: ['running', 'sleep', 'cooking'],
    'Making an impact': ['lasting work', 'mentoring', 'أثر'],
    Friendship: ['university friends', 'long walks'],
  };
  const values: Value[] = themes.map((theme, index) => {
    const words = chains[theme.name] ?? [`word${index}`];
    const id = themeId(theme.name);
    return {
      id,
      label: theme.name === 'Autonomy' ? 'Freedom to choose' : theme.name,
      chain: words.map((text, wordIndex) => ({ id: `${id.slice(0, 20)}-w${wordIndex}`, text })),
      boldId: `${id.slice(0, 20)}-w${Math.min(2, words.length - 1)}`,
      rank: 0,
      rating: theme.name === 'Friendship' ? null : ((index * 3) % 10) + 1,
      origin: 'coach',
    };
  });
  values.push(answerValue('Playfulness', 0, ['jokes', 'games night'], 1, 6, 'client'));
  const order = ['creativity', 'own-playfulness', 'family', 'personal-growth', 'autonomy', 'health', 'honesty', 'making-an-impact', 'adventure', 'friendship'];
  const ranked = [...values].sort((a, b) => order.findIndex((p) => a.id.startsWith(p)) - order.findIndex((p) => b.id.startsWith(p)));
  ranked.forEach((value, index) => {
    value.rank = index + 1;
  });
  const first = values.filter((value) => value.origin === 'coach').map((value) => value.id);
  return answersOf(
    values,
    [
      { date: '2026-12-04', order: first },
      { date: '2026-12-07', order: ranked.map((value) => value.id) },
    ],
    NOTE_LINES.join('\n'),
    Date.UTC(2026, 11, 7),
  );
}

/** Every word the client typed, one entry per word, as pdftotext should find them. */
export function enteredWords(answers: Answers): string[] {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const word of text.split(/\s+/)) if (word.replace(/[^\p{L}\p{N}]/gu, '') !== '') words.add(word.replace(/[.,:;!?]+$/u, ''));
  };
  for (const value of answers.values) {
    add(value.label);
    for (const word of value.chain) add(word.text);
  }
  add(answers.workbooks.values?.notes ?? '');
  return [...words];
}
