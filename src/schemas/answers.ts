// Before any schema is built: see the file for why.
import '../lib/zod-jitless.ts';
import { z } from 'astro/zod';
import { ANSWERS_VERSION, LIMITS, MAX_VALUES } from '../stores/limits.ts';
import { exportFileFields } from './export-file.ts';

/**
 * The client's answers, kept in their browser and carried in exports and share links.
 * Everything that reads or writes answers goes through these schemas.
 */
export { ANSWERS_VERSION, MAX_VALUES };

const id = z.string({ error: 'an id as text' }).regex(/^[a-z0-9-]{1,40}$/, { error: 'an id of a-z, 0-9 and -' });
const workbookName = z.string({ error: 'a workbook name' }).regex(/^[a-z0-9-]{1,40}$/, { error: 'a workbook name of a-z, 0-9 and -' });
const isoDay = z.string({ error: 'a day as YYYY-MM-DD' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'a day as YYYY-MM-DD' });

/** One word or phrase in a value's chain. */
export const chainWordSchema = z
  .object({
    /** Stable id, so the bold mark survives edits and reordering. */
    id,
    /** The word or phrase, as typed. */
    text: z.string({ error: 'a word as text' }).trim().min(1, { error: 'a non-empty word' }).max(80, { error: 'a word of at most 80 characters' }),
  })
  .strict();

/** One value the client holds. */
export const valueSchema = z
  .object({
    /** Stable id: theme-derived for the coach's themes, random for the client's own. */
    id,
    /** The value's name, which the client may change. */
    label: z.string({ error: 'a value name as text' }).trim().min(1, { error: 'a value name' }).max(60, { error: 'a value name of at most 60 characters' }),
    /** Word associations, in the client's order. */
    chain: z.array(chainWordSchema, { error: 'a list of words' }).max(40, { error: 'at most 40 words' }),
    /** The id of the chain word that best represents the set, shown bold. */
    boldId: id.nullable(),
    /** 1 is most important. Ranks are 1..n with no gaps. */
    rank: z.number({ error: 'a rank number' }).int().min(1).max(MAX_VALUES),
    /** How much the client lives by this value today, 1 to 10; null when not yet rated. */
    rating: z.number({ error: 'a rating from 1 to 10' }).int().min(1).max(10).nullable(),
    /** Whether the value came from the coach's themes or was added by the client. */
    origin: z.enum(['coach', 'client']),
  })
  .strict();

/** The order of values on one day the ranking changed. */
export const rankSnapshotSchema = z
  .object({
    /** The local calendar day of the snapshot. */
    date: isoDay,
    /** Value ids, most important first. */
    order: z.array(id).max(MAX_VALUES),
  })
  .strict();

const oneLine = (what: string, max: number) =>
  z
    .string({ error: `${what} as text` })
    .trim()
    .min(1, { error: `a non-empty ${what}` })
    .max(max, { error: `${what} of at most ${max} characters` });
const longText = (what: string, max: number) => z.string({ error: `${what} as text` }).max(max, { error: `${what} of at most ${max} characters` });

/** One choice, decision or goal the client held up against their values. */
export const lensEntrySchema = z
  .object({
    id,
    /** Milliseconds since the epoch when the entry was written. */
    createdAt: z.number().int().nonnegative(),
    text: oneLine('choice', LIMITS.lensText),
    /** For each value marked: whether the choice honours it, pulls against it, or neither. */
    marks: z.record(id, z.enum(['honours', 'pulls', 'neither'], { error: 'honours, pulls or neither' })),
    note: longText('note', LIMITS.note),
  })
  .strict();

/** One goal of a workbook, tied to the values it serves. */
export const goalSchema = z
  .object({
    id,
    text: oneLine('goal', LIMITS.goalText),
    firstStep: longText('first step', LIMITS.goalText),
    honours: z.array(id).max(MAX_VALUES),
    pullsAgainst: z.array(id).max(MAX_VALUES),
    note: longText('note', LIMITS.note),
  })
  .strict();

/** The answers to one workbook's own exercises. */
export const workbookAnswersSchema = z
  .object({
    notes: z.string({ error: 'notes as text' }).max(LIMITS.notes, { error: 'notes of at most 200,000 characters' }),
    goals: z.array(goalSchema).max(LIMITS.goals).optional(),
  })
  .strict();

/** What the client chose for their values poster. */
export const posterChoicesSchema = z
  .object({
    style: id,
    size: id,
    topN: z.number({ error: 'a number of values' }).int().min(1).max(MAX_VALUES),
    title: longText('title', LIMITS.posterTitle),
    /** Whether the client's name is on the poster. */
    showName: z.boolean(),
    /** The name as the client changed it, or null for their name as the coach wrote it. */
    name: longText('name', LIMITS.posterTitle).nullable(),
  })
  .strict();

/** All of one client's answers, across the engagement. */
export const answersSchema = z
  .object({
    /** The client's values, one set across every session. */
    values: z.array(valueSchema).max(MAX_VALUES, { error: `at most ${MAX_VALUES} values` }),
    history: z.array(rankSnapshotSchema).max(366),
    /** The values lens, newest first. */
    lens: z.array(lensEntrySchema).max(LIMITS.lensEntries),
    poster: posterChoicesSchema,
    /** Each workbook's own exercises, by workbook name. */
    workbooks: z
      .record(workbookName, workbookAnswersSchema)
      .refine((books) => Object.keys(books).length <= LIMITS.workbooks, { error: `at most ${LIMITS.workbooks} workbooks` }),
    /** Milliseconds since the epoch of the last change, to settle which of two tabs is newer. */
    updatedAt: z.number().int().nonnegative(),
  })
  .strict();

/** The "Download my answers" file, also the payload of a share link. */
export const answersFileSchema = z
  .object({
    ...exportFileFields('coaching-workbook-answers', 'a coaching workbook answers file', ANSWERS_VERSION, `answers version ${ANSWERS_VERSION}`),
    data: answersSchema,
  })
  .strict();

export type ChainWord = z.infer<typeof chainWordSchema>;
export type Value = z.infer<typeof valueSchema>;
export type RankSnapshot = z.infer<typeof rankSnapshotSchema>;
export type Answers = z.infer<typeof answersSchema>;
export type AnswersFile = z.infer<typeof answersFileSchema>;
export type LensEntry = z.infer<typeof lensEntrySchema>;
export type LensMark = LensEntry['marks'][string];
export type Goal = z.infer<typeof goalSchema>;
export type WorkbookAnswers = z.infer<typeof workbookAnswersSchema>;
export type PosterChoices = z.infer<typeof posterChoicesSchema>;
