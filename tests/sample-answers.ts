import { themeId } from '../src/lib/slug.ts';
import type { Answers, AnswersFile, Value } from '../src/schemas/answers.ts';
import { ANSWERS_VERSION } from '../src/stores/limits.ts';
import { defaultPosterChoices } from '../src/stores/model.ts';

/** A value as the client might leave it after a week of homework; `bold` is the index of the bold word in `chain`. */
export function value(
  label: string,
  rank: number,
  chain: string[],
  bold: number | null,
  rating: number | null,
  origin: Value['origin'] = 'coach',
  theme = label,
): Value {
  const id = origin === 'coach' ? themeId(theme) : `own-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const words = chain.map((text, index) => ({ id: `${id}-w${index}`.slice(0, 40), text }));
  return { id, label, chain: words, boldId: bold === null ? null : (words[bold]?.id ?? null), rank, rating, origin };
}

/** Answers as the store keeps them, from their values, ranking history, notes on the values workbook and time of the last change. */
export function answersOf(values: Value[], history: Answers['history'], notes: string, updatedAt: number): Answers {
  return { lens: [], poster: defaultPosterChoices(), values, history, workbooks: { values: { notes } }, updatedAt };
}

/**
 * Answers for a client who renamed one theme, added a value of their own,
 * reordered across three days and rated most values.
 */
export function sampleAnswers(): Answers {
  const values: Value[] = [
    value('Making things', 1, ['sketching', 'building prototypes', 'losing track of time'], 1, 6, 'coach', 'Creativity'),
    value('Family', 2, ['Sunday dinners', 'my mum', 'being there'], 0, 8),
    value('Personal growth', 3, ['reading', 'learning', 'feeling inspired', 'attending classes', 'challenging myself'], 4, 5),
    value('Autonomy', 4, ['no check-ins', 'my own hours'], null, 4),
    value('Quiet mornings', 5, ['coffee', 'no phone'], 1, null, 'client'),
  ];
  const id = (index: number) => values[index]?.id ?? '';
  return answersOf(
    values,
    [
      { date: '2026-12-04', order: [id(1), id(0), id(2), id(3)] },
      { date: '2026-12-06', order: [id(0), id(2), id(1), id(3), id(4)] },
      { date: '2026-12-09', order: [id(0), id(1), id(2), id(3), id(4)] },
    ],
    'Ranking changed after the weekend.\nQuestion for Jordan: can two values share a place?',
    Date.UTC(2026, 11, 9, 18, 30),
  );
}

/** The export file around `sampleAnswers`, as "Download my answers" writes it. */
export function sampleAnswersFile(slug: string, data: Answers = sampleAnswers()): AnswersFile {
  return { kind: 'coaching-workbook-answers', version: ANSWERS_VERSION, slug, exportedAt: '2026-12-09T18:31:00.000Z', data };
}
