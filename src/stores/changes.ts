import type { Answers, AnswersFile } from '../schemas/answers.ts';
import { FIRST_WORKBOOK, notesOf, rankedValues } from './model.ts';
import { goalsOf } from './model-engagement.ts';

/** The preview shown before an import replaces anything. Loaded with the import check, on demand. */

const dateTime = (time: number) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(time));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What an import would change, one line each, in the client's words. Empty when the file holds the same answers. */
export function describeChanges(current: Answers, file: AnswersFile): string[] {
  const incoming = file.data;
  const lines: string[] = [];
  const byId = new Map(current.values.map((value) => [value.id, value]));
  const incomingIds = new Set(incoming.values.map((value) => value.id));
  const added = incoming.values.filter((value) => !byId.has(value.id)).map((value) => value.label);
  const removed = current.values.filter((value) => !incomingIds.has(value.id)).map((value) => value.label);
  const renamed = incoming.values.flatMap((value) => {
    const before = byId.get(value.id);
    return before && before.label !== value.label ? [`${before.label} → ${value.label}`] : [];
  });
  if (added.length > 0) lines.push(`Values added: ${added.join(', ')}.`);
  if (removed.length > 0) lines.push(`Values that would go: ${removed.join(', ')}.`);
  if (renamed.length > 0) lines.push(`Values renamed: ${renamed.join(', ')}.`);

  const words = (answers: Answers) => answers.values.reduce((sum, value) => sum + value.chain.length, 0);
  const chainsDiffer = incoming.values.some((value) => {
    const before = byId.get(value.id);
    return !before || JSON.stringify([before.chain, before.boldId]) !== JSON.stringify([value.chain, value.boldId]);
  });
  if (chainsDiffer) lines.push(`Value chains: ${plural(words(current), 'word')} now, ${plural(words(incoming), 'word')} in the file.`);

  const order = (answers: Answers) =>
    rankedValues(answers)
      .map((value) => value.label)
      .join(' > ');
  if (order(current) !== order(incoming)) lines.push(`Ranking in the file: ${order(incoming)}.`);

  const rated = (answers: Answers) => answers.values.filter((value) => value.rating !== null).length;
  const ratingsDiffer = incoming.values.some((value) => byId.get(value.id)?.rating !== value.rating);
  if (ratingsDiffer)
    lines.push(`Living scores: ${rated(current)} of ${current.values.length} rated now, ${rated(incoming)} of ${incoming.values.length} in the file.`);

  for (const workbook of new Set([...Object.keys(current.workbooks), ...Object.keys(incoming.workbooks)])) {
    const [now, then] = [notesOf(current, workbook), notesOf(incoming, workbook)];
    const label = workbook === FIRST_WORKBOOK ? 'Notes' : `Notes of the ${workbook} workbook`;
    if (now !== then) lines.push(`${label}: ${plural(now.length, 'character')} now, ${plural(then.length, 'character')} in the file.`);
    const [goalsNow, goalsThen] = [goalsOf(current, workbook), goalsOf(incoming, workbook)];
    if (JSON.stringify(goalsNow) !== JSON.stringify(goalsThen))
      lines.push(`Goals of the ${workbook} workbook: ${plural(goalsNow.length, 'goal')} now, ${plural(goalsThen.length, 'goal')} in the file.`);
  }
  if (JSON.stringify(current.lens) !== JSON.stringify(incoming.lens))
    lines.push(`Values lens: ${plural(current.lens.length, 'entry', 'entries')} now, ${plural(incoming.lens.length, 'entry', 'entries')} in the file.`);
  if (JSON.stringify(current.poster) !== JSON.stringify(incoming.poster)) lines.push('Poster choices: different in the file.');
  if (JSON.stringify(current.history) !== JSON.stringify(incoming.history))
    lines.push(`Ranking history: ${plural(current.history.length, 'day')} now, ${plural(incoming.history.length, 'day')} in the file.`);
  if (lines.length === 0) return lines;
  if (current.updatedAt > 0 && incoming.updatedAt < current.updatedAt) {
    lines.unshift(
      `This file is older than the answers in this browser: last changed ${dateTime(incoming.updatedAt)}, against ${dateTime(current.updatedAt)} here.`,
    );
  }
  return lines;
}
