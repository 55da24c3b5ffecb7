import type { Answers } from '../schemas/answers.ts';
import { describeValue, formatPath, type Problem } from '../schemas/problems.ts';
import { looksLikeMarkup } from './model.ts';

type Path = (string | number)[];

/** How strict `answersProblems` is about markup. */
export interface MarkupRule {
  /** Refuse text that looks like HTML (imports), or let it be (stored data, which React only ever shows as text). */
  refuse: boolean;
  /** Texts allowed as they are, whatever they look like: the coach's own theme names. */
  allowed?: ReadonlySet<string>;
}

/**
 * Rules the schema cannot say on its own: ids are unique, ranks run 1..n, the bold
 * word is in its chain, and (for imports) no text carries markup beyond the coach's
 * own theme names. Used when a file is imported; stored data gets the lighter checks in check.ts.
 */
export function answersProblems(answers: Answers, file: string, markup: MarkupRule = { refuse: true }): Problem[] {
  const problems: Problem[] = [];
  const add = (path: Path, expected: string, found: unknown, described = describeValue(found)) =>
    problems.push({ level: 'error', file, field: formatPath(['data', ...path]), expected, found: described });
  const hostile = (text: string) => markup.refuse && !markup.allowed?.has(text) && looksLikeMarkup(text);
  const ids = new Set<string>();
  for (const [i, value] of answers.values.entries()) {
    if (ids.has(value.id)) add(['values', i, 'id'], 'an id used once', value.id);
    ids.add(value.id);
    if (hostile(value.label)) add(['values', i, 'label'], 'plain text without HTML tags', value.label);
    const wordIds = new Set<string>();
    for (const [j, word] of value.chain.entries()) {
      if (wordIds.has(word.id)) add(['values', i, 'chain', j, 'id'], 'an id used once in the chain', word.id);
      wordIds.add(word.id);
      if (hostile(word.text)) add(['values', i, 'chain', j, 'text'], 'plain text without HTML tags', word.text);
    }
    if (value.boldId !== null && !wordIds.has(value.boldId)) add(['values', i, 'boldId'], 'the id of a word in this chain', value.boldId);
  }
  for (const [i, entry] of answers.lens.entries()) {
    if (hostile(entry.text)) add(['lens', i, 'text'], 'plain text without HTML tags', entry.text);
    if (hostile(entry.note)) add(['lens', i, 'note'], 'plain text without HTML tags', entry.note);
  }
  for (const [name, book] of Object.entries(answers.workbooks)) {
    for (const [i, goal] of (book.goals ?? []).entries()) {
      for (const key of ['text', 'firstStep', 'note'] as const) {
        if (hostile(goal[key])) add(['workbooks', name, 'goals', i, key], 'plain text without HTML tags', goal[key]);
      }
    }
  }
  if (hostile(answers.poster.title)) add(['poster', 'title'], 'plain text without HTML tags', answers.poster.title);
  if (answers.poster.name !== null && hostile(answers.poster.name)) add(['poster', 'name'], 'plain text without HTML tags', answers.poster.name);
  const ranks = answers.values.map((value) => value.rank).sort((a, b) => a - b);
  if (ranks.some((rank, index) => rank !== index + 1)) add(['values'], `ranks 1 to ${answers.values.length}, each once`, ranks, `ranks ${ranks.join(', ')}`);
  return problems;
}
