import type { Answers, Goal, LensEntry, LensMark } from '../schemas/answers.ts';
import { LIMITS, MAX_VALUES } from './limits.ts';
import { looksLikeMarkup, mapWorkbook, tidy, type Result } from './model.ts';

/**
 * The pure rules of what the engagement keeps beyond one workbook's values
 * homework: the values lens, each workbook's goals, and the poster's choices.
 * Like model.ts, each function returns the very same answers when it changes nothing.
 */

const MARKS: readonly LensMark[] = ['honours', 'pulls', 'neither'];

function checkLine(text: string, max: number, what: string): Result<string> {
  const clean = tidy(text);
  if (clean === '') return { ok: false, reason: `Type ${what} first.` };
  if ([...clean].length > max) return { ok: false, reason: `Keep ${what} to ${max} characters or fewer.` };
  if (looksLikeMarkup(clean)) return { ok: false, reason: `Please leave out the < and > tags: ${what} is kept as plain words.` };
  return { ok: true, value: clean };
}

function checkLong(text: string, max: number, what: string): Result<string> {
  const clean = text.trim();
  if ([...clean].length > max) return { ok: false, reason: `Keep ${what} to ${max} characters or fewer.` };
  if (looksLikeMarkup(clean)) return { ok: false, reason: `Please leave out the < and > tags: ${what} is kept as plain words.` };
  return { ok: true, value: clean };
}

/** Keeps the marks of values the client holds, each one of the three marks. */
function cleanMarks(answers: Answers, marks: Record<string, LensMark>): Record<string, LensMark> {
  const ids = new Set(answers.values.map((value) => value.id));
  const out: Record<string, LensMark> = {};
  for (const [id, mark] of Object.entries(marks)) if (ids.has(id) && MARKS.includes(mark)) out[id] = mark;
  return out;
}

function cleanIds(answers: Answers, ids: readonly string[]): string[] {
  const known = new Set(answers.values.map((value) => value.id));
  return [...new Set(ids)].filter((id) => known.has(id)).slice(0, MAX_VALUES);
}

/** How many of the client's values, from the top of their ranking, a goal or a choice is checked against. */
export const TOP_VALUES = 5;

/** The client's top values, most important first, under their current names. */
export function topValues(answers: Answers, count: number = TOP_VALUES): Answers['values'] {
  return [...answers.values].sort((a, b) => a.rank - b.rank).slice(0, count);
}

export interface LensDraft {
  text: string;
  marks: Record<string, LensMark>;
  note: string;
}

/** Adds a lens entry at the top of the list (newest first). */
export function addLensEntry(answers: Answers, id: string, createdAt: number, draft: LensDraft): Result<Answers> {
  if (answers.lens.length >= LIMITS.lensEntries) return { ok: false, reason: `The lens keeps at most ${LIMITS.lensEntries} entries: remove an old one first.` };
  const text = checkLine(draft.text, LIMITS.lensText, 'the choice');
  if (!text.ok) return text;
  const note = checkLong(draft.note, LIMITS.note, 'the note');
  if (!note.ok) return note;
  const entry: LensEntry = { id, createdAt, text: text.value, marks: cleanMarks(answers, draft.marks), note: note.value };
  return { ok: true, value: { ...answers, lens: [entry, ...answers.lens] } };
}

/** Changes a lens entry; its date stays the day it was written. */
export function updateLensEntry(answers: Answers, id: string, patch: Partial<LensDraft>): Result<Answers> {
  const index = answers.lens.findIndex((entry) => entry.id === id);
  const before = answers.lens[index];
  if (!before) return { ok: false, reason: 'That entry is no longer in the lens.' };
  const text = patch.text === undefined ? { ok: true as const, value: before.text } : checkLine(patch.text, LIMITS.lensText, 'the choice');
  if (!text.ok) return text;
  const note = patch.note === undefined ? { ok: true as const, value: before.note } : checkLong(patch.note, LIMITS.note, 'the note');
  if (!note.ok) return note;
  const marks = patch.marks === undefined ? before.marks : cleanMarks(answers, patch.marks);
  const next: LensEntry = { ...before, text: text.value, note: note.value, marks };
  if (JSON.stringify(next) === JSON.stringify(before)) return { ok: true, value: answers };
  const lens = answers.lens.map((entry) => (entry.id === id ? next : entry));
  return { ok: true, value: { ...answers, lens } };
}

export function removeLensEntry(answers: Answers, id: string): Answers {
  const lens = answers.lens.filter((entry) => entry.id !== id);
  return lens.length === answers.lens.length ? answers : { ...answers, lens };
}

export interface GoalDraft {
  text: string;
  firstStep: string;
  honours: string[];
  pullsAgainst: string[];
  note: string;
}

function goalFrom(answers: Answers, id: string, draft: GoalDraft): Result<Goal> {
  const text = checkLine(draft.text, LIMITS.goalText, 'the goal');
  if (!text.ok) return text;
  const firstStep = checkLong(draft.firstStep, LIMITS.goalText, 'the first step');
  if (!firstStep.ok) return firstStep;
  const note = checkLong(draft.note, LIMITS.note, 'the note');
  if (!note.ok) return note;
  const honours = cleanIds(answers, draft.honours);
  // A value is honoured or pulled against, not both: the later mark of the two is the one kept.
  const pullsAgainst = cleanIds(answers, draft.pullsAgainst).filter((valueId) => !honours.includes(valueId));
  return { ok: true, value: { id, text: text.value, firstStep: firstStep.value, honours, pullsAgainst, note: note.value } };
}

export function goalsOf(answers: Answers, workbook: string): Goal[] {
  return answers.workbooks[workbook]?.goals ?? [];
}

export function addGoal(answers: Answers, workbook: string, id: string, draft: GoalDraft): Result<Answers> {
  if (goalsOf(answers, workbook).length >= LIMITS.goals) return { ok: false, reason: `A workbook keeps at most ${LIMITS.goals} goals.` };
  const goal = goalFrom(answers, id, draft);
  if (!goal.ok) return goal;
  return { ok: true, value: mapWorkbook(answers, workbook, (book) => ({ ...book, goals: [...(book.goals ?? []), goal.value] })) };
}

export function updateGoal(answers: Answers, workbook: string, id: string, patch: Partial<GoalDraft>): Result<Answers> {
  const before = goalsOf(answers, workbook).find((goal) => goal.id === id);
  if (!before) return { ok: false, reason: 'That goal is no longer in this workbook.' };
  const goal = goalFrom(answers, id, { ...before, ...patch });
  if (!goal.ok) return goal;
  if (JSON.stringify(goal.value) === JSON.stringify(before)) return { ok: true, value: answers };
  return { ok: true, value: mapWorkbook(answers, workbook, (book) => ({ ...book, goals: (book.goals ?? []).map((g) => (g.id === id ? goal.value : g)) })) };
}

export function removeGoal(answers: Answers, workbook: string, id: string): Answers {
  return mapWorkbook(answers, workbook, (book) => {
    const goals = (book.goals ?? []).filter((goal) => goal.id !== id);
    return goals.length === (book.goals ?? []).length ? book : { ...book, goals };
  });
}
