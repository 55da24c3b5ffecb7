import type { Answers, ChainWord, Value } from '../schemas/answers.ts';
import { ANSWERS_VERSION } from './limits.ts';
import { answersProblems, answersShapeFault, repairAnswers } from './check.ts';
import { formatPath } from '../schemas/problems.ts';

/**
 * Reading what is stored under a client's key: `{ version, data }`, migrated
 * forward from older versions, and checked before anything trusts it.
 */

/**
 * Version 0: the first shape answers were kept in, before ratings had their own
 * name and before the ranking kept a history. Kept here so a browser that still
 * holds it is carried forward rather than wiped.
 */
export interface AnswersV0 {
  values: Array<{
    id: string;
    name: string;
    /** The chain, as plain words. */
    words: string[];
    /** The chosen word itself, not an id. */
    bold?: string | null;
    /** The living score. */
    score?: number | null;
  }>;
  /** Value ids, most important first. */
  order: string[];
  notes?: string;
}

export type StoredRead =
  | { kind: 'empty' }
  | { kind: 'ok'; answers: Answers; fromVersion: number }
  /** Something is stored but cannot be used: it is kept as a backup, never thrown away. */
  | { kind: 'unreadable'; reason: 'not-json' | 'foreign' | 'newer-version'; detail: string };

/** Wraps answers for storage. */
export function encodeStored(answers: Answers): string {
  return JSON.stringify({ version: ANSWERS_VERSION, data: answers });
}

/** Migrates version 0 answers to the current shape. Word ids are numbered, so migrating twice gives the same result. */
export function migrateV0(old: AnswersV0, themeIds: ReadonlySet<string>, updatedAt: number): Answers {
  const order = old.order.filter((id) => old.values.some((value) => value.id === id));
  for (const value of old.values) if (!order.includes(value.id)) order.push(value.id);
  const values: Value[] = old.values.map((value) => {
    const chain: ChainWord[] = value.words.map((text, index) => ({ id: `w-${index + 1}`, text }));
    const bold = value.bold ? chain.find((word) => word.text === value.bold) : undefined;
    return {
      id: value.id,
      label: value.name,
      chain,
      boldId: bold?.id ?? null,
      rank: order.indexOf(value.id) + 1,
      rating: typeof value.score === 'number' ? value.score : null,
      origin: themeIds.has(value.id) ? 'coach' : 'client',
    };
  });
  return { values, history: [], notes: old.notes ?? '', updatedAt };
}

function isV0(data: unknown): data is AnswersV0 {
  if (typeof data !== 'object' || data === null) return false;
  const candidate = data as Partial<AnswersV0>;
  return (
    Array.isArray(candidate.order) &&
    Array.isArray(candidate.values) &&
    candidate.values.every(
      (value) =>
        typeof value === 'object' &&
        value !== null &&
        typeof value.id === 'string' &&
        typeof value.name === 'string' &&
        Array.isArray(value.words) &&
        value.words.every((word) => typeof word === 'string'),
    )
  );
}

/** Reads stored text: empty, usable (after migration and repair), or unreadable with the reason. */
export function readStored(text: string | null | undefined, themeIds: ReadonlySet<string>, now: number): StoredRead {
  if (text === null || text === undefined) return { kind: 'empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', reason: 'not-json', detail: 'the stored text is not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || !('version' in parsed) || !('data' in parsed)) {
    return { kind: 'unreadable', reason: 'foreign', detail: 'the stored text is not { version, data }' };
  }
  const { version, data } = parsed as { version: unknown; data: unknown };
  let answers: unknown = data;
  let fromVersion = ANSWERS_VERSION;
  if (version === 0) {
    if (!isV0(data)) return { kind: 'unreadable', reason: 'foreign', detail: 'version 0 data of the wrong shape' };
    answers = migrateV0(data, themeIds, now);
    fromVersion = 0;
  } else if (typeof version === 'number' && version > ANSWERS_VERSION) {
    return { kind: 'unreadable', reason: 'newer-version', detail: `version ${version} is newer than this workbook (${ANSWERS_VERSION})` };
  } else if (version !== ANSWERS_VERSION) {
    return { kind: 'unreadable', reason: 'foreign', detail: `unknown version ${String(version)}` };
  }
  const fault = answersShapeFault(answers);
  if (fault) return { kind: 'unreadable', reason: 'foreign', detail: `${formatPath(['data', ...fault.path])}: expected ${fault.expected}` };
  const repaired = repairAnswers(answers as Answers);
  // Stored text was typed here or checked on import; a coach's theme may look like markup and is still the client's.
  const problems = answersProblems(repaired, 'stored answers', { refuse: false });
  if (problems[0]) return { kind: 'unreadable', reason: 'foreign', detail: `${problems[0].field}: expected ${problems[0].expected}` };
  return { kind: 'ok', answers: repaired, fromVersion };
}
