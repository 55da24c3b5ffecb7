import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ANSWERS_VERSION, answersSchema, type Answers } from '../../src/schemas/answers.ts';
import { themeId } from '../../src/lib/slug.ts';
import { answersOf } from '../sample-answers.ts';

/** Words a client might chain to a value, in several scripts, so filled pages show real-looking answers. */
const WORDS = [
  ['reading', 'learning', 'feeling inspired', 'challenging myself'],
  ['Sunday dinners', 'mum', 'home', 'laughing together'],
  ['sketching', 'making', 'prototypes', 'créativité'],
  ['freedom', 'my own hours', 'trust', 'Свобода'],
  ['truth', 'saying it kindly', 'no pretending'],
  ['the Camino', 'new places', '冒险', 'saying yes'],
  ['running', 'sleep', 'cooking', 'صحة'],
  ['building something', 'that exists because of us', 'legacy'],
  ['old friends', 'long calls', 'showing up', '🙂'],
];

/**
 * A complete, valid set of answers for a client's themes: every value renamed in
 * a few scripts, chained, marked, ranked and rated, one value of the client's own,
 * a ranking history and notes. Checked against the answers schema before use.
 */
export function filledAnswers(themes: readonly { name: string }[], now: Date = new Date('2026-12-08T18:30:00Z')): Answers {
  const values: Answers['values'] = themes.map((theme, index) => {
    const words = WORDS[index % WORDS.length] ?? ['one word'];
    const chain = words.map((text, wordIndex) => ({ id: `w${index + 1}-${wordIndex + 1}`, text }));
    return {
      id: themeId(theme.name),
      label: index === 0 ? `${theme.name} · Ωmega 家` : theme.name,
      chain,
      boldId: chain[Math.min(1, chain.length - 1)]?.id ?? null,
      rank: index + 1,
      rating: (index % 10) + 1,
      origin: 'coach' as const,
    };
  });
  values.push({
    id: 'own-kindness',
    label: 'Kindness Доброта',
    chain: [
      { id: 'own-w1', text: 'patience' },
      { id: 'own-w2', text: 'listening' },
    ],
    boldId: 'own-w2',
    rank: values.length + 1,
    rating: null,
    origin: 'client',
  });
  const order = values.map((value) => value.id);
  const answers = answersOf(
    values,
    [
      { date: '2026-12-04', order: [...order].reverse() },
      { date: '2026-12-06', order },
    ],
    'Questions for next session:\n- Why does Health keep moving up?\n- العائلة أولاً\n\nThe chains were easier on paper.',
    now.getTime(),
  );
  return answersSchema.parse(answers);
}

/** The localStorage key and value the answers store reads for one client. */
export function storedAnswers(slug: string, answers: Answers): { key: string; value: string } {
  return { key: `workbook:${slug}:answers`, value: JSON.stringify({ version: ANSWERS_VERSION, data: answers }) };
}

/** A client's themes from their content file, or undefined when the build used other content. */
export function clientThemes(slug: string, contentDir: string = join(process.cwd(), 'src', 'content')): { name: string }[] | undefined {
  const file = [`${slug}.yaml`, `${slug}.yml`].map((name) => join(contentDir, 'clients', name)).find((path) => existsSync(path));
  if (!file) return undefined;
  const data = parse(readFileSync(file, 'utf8')) as { themes?: Array<string | { name: string }> };
  return (data.themes ?? []).map((theme) => (typeof theme === 'string' ? { name: theme } : { name: theme.name }));
}
