import type { Answers, ChainWord, Value } from '../schemas/answers.ts';
import { MAX_VALUES } from './limits.ts';
import { checkLabel, checkWord, MAX_WORDS, mapValue, NAME_WORD_ID, newId, rankedValues, refreshToday, renumber, type Result } from './model.ts';

/** HW1's rules: renaming, adding, removing and merging values, and the words of each chain. */

export function renameValue(answers: Answers, id: string, label: string): Result<Answers> {
  const checked = checkLabel(label);
  if (!checked.ok) return checked;
  return { ok: true, value: mapValue(answers, id, (value) => (value.label === checked.value ? value : { ...value, label: checked.value })) };
}

export function addValue(answers: Answers, label: string, id: string, now: number): Result<Answers> {
  if (answers.values.length >= MAX_VALUES) return { ok: false, reason: `You can keep up to ${MAX_VALUES} values. Merge or remove one to make room.` };
  const checked = checkLabel(label);
  if (!checked.ok) return checked;
  const taken = answers.values.some((value) => value.label.toLocaleLowerCase() === checked.value.toLocaleLowerCase());
  if (taken) return { ok: false, reason: `${checked.value} is already on your list.` };
  const value: Value = {
    id,
    label: checked.value,
    chain: [{ id: NAME_WORD_ID, text: checked.value }],
    boldId: null,
    rank: answers.values.length + 1,
    rating: null,
    origin: 'client',
  };
  return { ok: true, value: refreshToday({ ...answers, values: [...answers.values, value] }, now) };
}

/** What a removal or a merge took away, so it can be put back. */
export interface Removed {
  kind: 'remove' | 'merge';
  /** The value that left the list, as it was. */
  value: Value;
  /** Its place in the list. */
  index: number;
  /** For a merge: the value that absorbed it, as it was before. */
  into?: Value;
  /** The ranking before, most important first. */
  order: string[];
}

export function removeValue(answers: Answers, id: string, now: number): { answers: Answers; removed: Removed | null } {
  const index = answers.values.findIndex((value) => value.id === id);
  const value = answers.values[index];
  if (!value) return { answers, removed: null };
  const values = renumber(answers.values.filter((other) => other.id !== id));
  return { answers: refreshToday({ ...answers, values }, now), removed: { kind: 'remove', value, index, order: rankedValues(answers).map((item) => item.id) } };
}

/**
 * Merges `otherId` into `keepId`: the kept value keeps its name, gains the other's
 * name and chain at the end of its own, and takes the better of the two ranks.
 */
export function mergeValues(answers: Answers, keepId: string, otherId: string, now: number): Result<{ answers: Answers; removed: Removed }> {
  const keep = answers.values.find((value) => value.id === keepId);
  const index = answers.values.findIndex((value) => value.id === otherId);
  const other = answers.values[index];
  if (!keep || !other || keep === other) return { ok: false, reason: 'Choose two different values to merge.' };
  const seen = new Set(keep.chain.map((word) => word.text.toLocaleLowerCase()));
  const joined: ChainWord[] = [...keep.chain];
  const incoming: ChainWord[] = [{ id: newId('w'), text: other.label }, ...other.chain];
  let boldFromOther: string | null = null;
  for (const word of incoming) {
    const key = word.text.toLocaleLowerCase();
    if (seen.has(key) || key === keep.label.toLocaleLowerCase()) continue;
    seen.add(key);
    joined.push(word);
    if (word.id === other.boldId) boldFromOther = word.id;
  }
  if (joined.length > MAX_WORDS) {
    return { ok: false, reason: `Together these chains have more than ${MAX_WORDS} words. Remove a few first, then merge.` };
  }
  const merged: Value = {
    ...keep,
    chain: joined,
    boldId: keep.boldId ?? boldFromOther,
    rank: Math.min(keep.rank, other.rank),
    rating: keep.rating ?? other.rating,
  };
  const values = renumber(answers.values.filter((value) => value.id !== otherId).map((value) => (value.id === keepId ? merged : value)));
  return {
    ok: true,
    value: {
      answers: refreshToday({ ...answers, values }, now),
      removed: { kind: 'merge', value: other, index, into: keep, order: rankedValues(answers).map((item) => item.id) },
    },
  };
}

/** Puts back a removed or merged-away value at its old place, and the ranking as it was, keeping values added since. */
export function restoreRemoved(answers: Answers, removed: Removed, now: number): Answers {
  if (answers.values.some((value) => value.id === removed.value.id)) return answers;
  if (answers.values.length >= MAX_VALUES) return answers;
  const before = removed.into;
  const values = before
    ? answers.values.map((value) => (value.id === before.id ? { ...value, chain: before.chain, boldId: before.boldId, rating: before.rating } : value))
    : answers.values;
  const index = Math.min(removed.index, values.length);
  const list = [...values.slice(0, index), removed.value, ...values.slice(index)];
  const present = new Set(list.map((value) => value.id));
  const order = removed.order.filter((id) => present.has(id));
  for (const value of rankedValues({ ...answers, values })) if (!order.includes(value.id)) order.push(value.id);
  const rankOf = new Map(order.map((id, position) => [id, position + 1]));
  const restored = list.map((value) => ({ ...value, rank: rankOf.get(value.id) ?? value.rank }));
  return refreshToday({ ...answers, values: restored }, now);
}

export function addWord(answers: Answers, valueId: string, text: string, wordId: string): Result<Answers> {
  const value = answers.values.find((item) => item.id === valueId);
  if (!value) return { ok: false, reason: 'That value is no longer on your list.' };
  if (value.chain.length >= MAX_WORDS) return { ok: false, reason: `A chain holds up to ${MAX_WORDS} words.` };
  const checked = checkWord(text);
  if (!checked.ok) return checked;
  return { ok: true, value: mapValue(answers, valueId, (item) => ({ ...item, chain: [...item.chain, { id: wordId, text: checked.value }] })) };
}

export function editWord(answers: Answers, valueId: string, wordId: string, text: string): Result<Answers> {
  const checked = checkWord(text);
  if (!checked.ok) return checked;
  return {
    ok: true,
    value: mapValue(answers, valueId, (value) => {
      if (!value.chain.some((word) => word.id === wordId && word.text !== checked.value)) return value;
      return { ...value, chain: value.chain.map((word) => (word.id === wordId ? { ...word, text: checked.value } : word)) };
    }),
  };
}

export function removeWord(answers: Answers, valueId: string, wordId: string): Answers {
  return mapValue(answers, valueId, (value) => {
    if (!value.chain.some((word) => word.id === wordId)) return value;
    return { ...value, chain: value.chain.filter((word) => word.id !== wordId), boldId: value.boldId === wordId ? null : value.boldId };
  });
}

/** Moves a word one place earlier (-1) or later (+1) in its chain. */
export function moveWord(answers: Answers, valueId: string, wordId: string, delta: -1 | 1): Answers {
  return mapValue(answers, valueId, (value) => {
    const from = value.chain.findIndex((word) => word.id === wordId);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= value.chain.length) return value;
    const chain = [...value.chain];
    const [word] = chain.splice(from, 1);
    if (word) chain.splice(to, 0, word);
    return { ...value, chain };
  });
}

/** Marks the word that best represents the chain; marking it again clears the mark. */
export function toggleBold(answers: Answers, valueId: string, wordId: string): Answers {
  return mapValue(answers, valueId, (value) => {
    if (!value.chain.some((word) => word.id === wordId)) return value;
    return { ...value, boldId: value.boldId === wordId ? null : wordId };
  });
}
