import type { Answers, ChainWord, Value } from '../schemas/answers.ts';
import { ANSWERS_VERSION } from './limits.ts';
import { answersShapeFault, repairAnswers, repeatedId } from './check.ts';
import { encodeVersioned, readVersioned } from './storage.ts';
import { defaultPosterChoices } from './model.ts';

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
  return encodeVersioned(ANSWERS_VERSION, answers);
}

/** Version 1: the values workbook alone, its notes beside the values. */
export interface AnswersV1 {
  values: Value[];
  history: Answers['history'];
  notes: string;
  updatedAt: number;
}

/** Migrates version 1 answers to version 2: the notes become the values workbook's, and the engagement gains its lens and poster. */
export function migrateV1(old: AnswersV1): Answers {
  return {
    values: old.values,
    history: old.history,
    lens: [],
    poster: defaultPosterChoices(),
    workbooks: { values: { notes: old.notes } },
    updatedAt: old.updatedAt,
  };
}

function isV1(data: unknown): data is AnswersV1 {
  if (typeof data !== 'object' || data === null) return false;
  const candidate = data as Partial<AnswersV1>;
  return Array.isArray(candidate.values) && Array.isArray(candidate.history) && typeof candidate.notes === 'string' && typeof candidate.updatedAt === 'number';
}

/** Migrates version 0 answers to version 1. Word ids are numbered, so migrating twice gives the same result. */
export function migrateV0(old: AnswersV0, themeIds: ReadonlySet<string>, updatedAt: number): AnswersV1 {
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

/**
 * Carries answers of any older version forward to the current one: the one
 * migration path, for stored answers, answers files and share links alike.
 * A string says why the data cannot be carried.
 */
export function migrateAnswers(data: unknown, fromVersion: number, themeIds: ReadonlySet<string>, now: number): unknown {
  let current = data;
  let version = fromVersion;
  if (version === 0) {
    if (!isV0(current)) return 'version 0 data of the wrong shape';
    current = migrateV0(current, themeIds, now);
    version = 1;
  }
  if (version === 1) {
    if (!isV1(current)) return 'version 1 data of the wrong shape';
    current = migrateV1(current);
    version = 2;
  }
  return version === ANSWERS_VERSION ? current : `unknown version ${fromVersion}`;
}

/** Checks answers of the current version and repairs what can be repaired; a string says what is wrong. */
export function checkStoredAnswers(data: unknown): Answers | string {
  const fault = answersShapeFault(data);
  if (fault) return `data.${fault.path.join('.')}: expected ${fault.expected}`;
  const repaired = repairAnswers(data as Answers);
  // Markup is not checked here: stored text was typed here or checked on import, and a coach's theme may look like markup.
  const repeated = repeatedId(repaired);
  return repeated === null ? repaired : `the id ${repeated} is used twice`;
}

/** Reads stored text: empty, usable (after migration and repair), or unreadable with the reason. */
export function readStored(text: string | null | undefined, themeIds: ReadonlySet<string>, now: number): StoredRead {
  const read = readVersioned(text, {
    version: ANSWERS_VERSION,
    migrate: (data, from) => migrateAnswers(data, from, themeIds, now),
    check: checkStoredAnswers,
  });
  return read.kind === 'ok' ? { kind: 'ok', answers: read.data, fromVersion: read.fromVersion } : read;
}
