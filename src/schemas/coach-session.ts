// First, so no schema below probes eval under the Content Security Policy.
import '../lib/zod-jitless.ts';
import { z } from 'astro/zod';
import { exportFileFields } from './export-file.ts';

/**
 * The coach's own data for one client: the preparation checklist, notes taken
 * during the session, which themes were explored, and the session clock. It is
 * kept in the coach's browser, apart from the client's answers.
 */
export const COACH_SESSION_VERSION = 1;

/** What a coach data file says it is, so a client's answers file is never taken for one. */
export const COACH_FILE_KIND = 'coaching-workbook-coach-notes';

const partId = z.string({ error: 'an id as text' }).regex(/^[a-z0-9-]{1,60}$/, { error: 'an id of a-z, 0-9 and -' });

/** Notes on one part of the session. */
export const coachNoteSchema = z
  .object({
    /**
     * What the notes are about, as it read when they were written, so notes stay
     * readable even if the theme is later renamed.
     * @example "Creativity"
     */
    label: z.string({ error: 'a label as text' }).max(200, { error: 'a label of at most 200 characters' }),
    /**
     * The notes, as typed.
     * @example "Lights up talking about the prototype week."
     */
    text: z.string({ error: 'notes as text' }).max(100_000, { error: 'notes of at most 100,000 characters' }),
  })
  .strict();

/** The session clock: running when `startedAt` is set. */
export const coachClockSchema = z
  .object({
    /** Time counted before the current run, in milliseconds. */
    elapsedMs: z.number({ error: 'a number of milliseconds' }).int().nonnegative(),
    /** When the current run started (milliseconds since the epoch); null when paused. */
    startedAt: z.number({ error: 'a time in milliseconds' }).int().nonnegative().nullable(),
  })
  .strict();

/** All of the coach's data for one client. */
export const coachSessionSchema = z
  .object({
    /**
     * Ids of the preparation checklist items that are ticked.
     * @example ["discovery-doc", "themes"]
     */
    checklist: z.array(partId, { error: 'a list of checklist ids' }).max(40, { error: 'at most 40 checklist items' }),
    /**
     * Notes by part of the session: a theme's id, or `opening`.
     * @example { "creativity-1k3j9x": { "label": "Creativity", "text": "Prototype week" } }
     */
    notes: z.record(partId, coachNoteSchema, { error: 'notes by part of the session' }),
    /**
     * Ids of the themes marked explored.
     * @example ["creativity-1k3j9x"]
     */
    explored: z.array(partId, { error: 'a list of theme ids' }).max(100, { error: 'at most 100 themes' }),
    /** The session clock. */
    clock: coachClockSchema,
    /**
     * The homework letter as the coach edited it for this client, when they did.
     * @example "Hi Maya,\n\nI loved learning more about all of your values…"
     */
    letter: z.string({ error: 'the letter as text' }).max(100_000, { error: 'a letter of at most 100,000 characters' }).optional(),
    /** Milliseconds since the epoch of the last change. */
    updatedAt: z.number({ error: 'a time in milliseconds' }).int().nonnegative(),
  })
  .strict();

/** How the coach's data sits in the browser: wrapped with its version so it can be migrated. */
export const coachStoredSchema = z.object({
  version: z.number({ error: 'a version number' }).int(),
  data: z.unknown(),
});

/** The file written by "Export notes" and read by "Import notes". */
export const coachFileSchema = z
  .object({
    /** `slug` is the client the notes belong to. */
    ...exportFileFields(
      COACH_FILE_KIND,
      'a coach notes file exported from a session guide',
      COACH_SESSION_VERSION,
      `coach notes version ${COACH_SESSION_VERSION}`,
    ),
    /** The client's name when the file was written, for people opening the file. */
    client: z.string({ error: 'the client name as text' }).max(200),
    data: coachSessionSchema,
  })
  .strict();

export type CoachNote = z.infer<typeof coachNoteSchema>;
export type CoachClock = z.infer<typeof coachClockSchema>;
export type CoachSession = z.infer<typeof coachSessionSchema>;
export type CoachFile = z.infer<typeof coachFileSchema>;
