import { z } from 'astro/zod';
import { calendarDate, isCalendarDate } from './dates.ts';
import { coachOverrideSchema } from './coach.ts';

/** The longest theme the workbook lays out well on a card, a post-it and the poster. */
export const MAX_THEME_LENGTH = 60;
/** The method asks the coach for "at least 8-10 key themes" from the Discovery Doc: eight is the floor, more is fine. */
export const RECOMMENDED_THEMES = { min: 8, max: 10 } as const;

/** Whether a theme count is below the method's minimum; more than ten is never a problem. */
export function tooFewThemes(count: number): boolean {
  return count < RECOMMENDED_THEMES.min;
}

const themeName = z
  .string({ error: 'a theme as text' })
  .trim()
  .min(1, { error: 'a theme of at least one character' })
  .max(MAX_THEME_LENGTH, { error: `a theme of at most ${MAX_THEME_LENGTH} characters` });

/**
 * One theme the coach noted from the client's Discovery Doc.
 * Written either as plain text, or as an object with evidence quotes.
 * @example "Creativity"
 * @example { name: "Creativity", evidence: ["I lose track of time when I'm sketching"] }
 */
export const themeSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { name: value } : value),
  z
    .object(
      {
        /**
         * The theme as the coach will say it aloud.
         * @example "Creativity"
         */
        name: themeName,
        /**
         * Short quotes from the Discovery Doc that made the coach notice this theme.
         * @example ["I feel most alive when I'm making something from nothing"]
         */
        evidence: z
          .array(
            z
              .string({ error: 'an evidence quote as text' })
              .trim()
              .min(1, { error: 'a non-empty evidence quote' })
              .max(400, { error: 'an evidence quote of at most 400 characters' }),
            { error: 'a list of evidence quotes' },
          )
          .default([]),
      },
      { error: 'a theme as text, or as an object with name and evidence' },
    )
    .strict(),
);

const workbookName = z.string({ error: 'a workbook name as text' }).trim().min(1, { error: 'a workbook name' });

/**
 * One session of the engagement: the workbook it follows and the day it takes place.
 * @example { workbook: "goals", date: "2026-12-10" }
 */
export const sessionSchema = z
  .object(
    {
      /**
       * The workbook of this session: the name of a folder in `src/content/workbooks/`.
       * @example "goals"
       */
      workbook: workbookName,
      /**
       * The day of the session.
       * @example "2026-12-10"
       */
      date: calendarDate,
    },
    { error: 'a session written as workbook and date' },
  )
  .strict();

/** The longest engagement a client file may list. */
export const MAX_SESSIONS = 24;

/**
 * A client, one YAML file per client in `src/content/clients/`.
 * The file name (without `.yaml`) is the client's private slug.
 *
 * A client has either one session, written as `sessionDate` (and `workbook`,
 * `values` when left out), or several, listed in order under `sessions:`.
 * `clientSessions` reads either form as one list.
 */
const clientFields = z
  .object(
    {
      /**
       * The client's full name, in any script.
       * @example "Maya Okafor"
       */
      name: z
        .string({ error: 'the client name as text' })
        .trim()
        .min(1, { error: 'a client name' })
        .max(80, { error: 'a client name of at most 80 characters' }),
      /**
       * What the client likes to be called; the workbook greets them by it.
       * @example "Maya"
       */
      preferredName: z
        .string({ error: 'a preferred name as text' })
        .trim()
        .min(1, { error: 'a non-empty preferred name' })
        .max(40, { error: 'a preferred name of at most 40 characters' })
        .optional(),
      /**
       * The client's email address, optional: it fills the "To" of the homework letter's email.
       * @example "maya@example.com"
       */
      email: z.email({ error: 'an email address like name@example.com' }).optional(),
      /**
       * The date of the values session.
       * @example "2026-12-03"
       */
      sessionDate: calendarDate.optional(),
      /**
       * The workbook of a client with one session: the name of a folder in `src/content/workbooks/`.
       * @example "values"
       */
      workbook: workbookName.optional(),
      /**
       * Every session of the engagement, in order, each with its workbook and date.
       * Replaces `sessionDate` and `workbook`; `npm run new-session` writes it.
       * @example [{ workbook: "values", date: "2026-12-03" }, { workbook: "goals", date: "2026-12-10" }]
       */
      sessions: z
        .array(sessionSchema, { error: 'a list of sessions, each with workbook and date' })
        .min(1, { error: 'at least one session' })
        .max(MAX_SESSIONS, { error: `at most ${MAX_SESSIONS} sessions` })
        .optional(),
      /**
       * The themes the coach took from the Discovery Doc. The method asks for at least 8-10.
       * @example ["Creativity", "Family", { name: "Growth", evidence: ["I want to keep learning"] }]
       */
      themes: z.array(themeSchema, { error: 'a list of themes' }).min(1, { error: 'at least one theme (the method asks for at least 8-10)' }),
      /**
       * A whole homework letter for this client, replacing the workbook's template.
       * It may use the same placeholders, such as `{{clientName}}`, and the method's own `{Name}` and `{Your Name}`.
       * @example "Hi {Name}, ..."
       */
      letter: z.string({ error: 'the letter as text' }).trim().min(1, { error: 'a non-empty letter' }).optional(),
      /**
       * Overrides of the coach's details for this client only.
       * @example { email: "jordan.work@example.com" }
       */
      coach: coachOverrideSchema.optional(),
    },
    { error: 'a client written as YAML fields (name, sessionDate, workbook, themes)' },
  )
  .strict();

/** Where a session list goes wrong: both forms at once, a date out of order, a workbook twice. */
export function sessionProblems(data: {
  sessionDate?: string | undefined;
  workbook?: string | undefined;
  sessions?: ReadonlyArray<{ workbook: string; date: string }> | undefined;
}): Array<{ path: PropertyKey[]; message: string }> {
  if (!data.sessions) {
    return data.sessionDate === undefined ? [{ path: ['sessionDate'], message: 'a real calendar date written as YYYY-MM-DD (or a list of sessions)' }] : [];
  }
  const problems: Array<{ path: PropertyKey[]; message: string }> = [];
  for (const key of ['sessionDate', 'workbook'] as const) {
    if (data[key] !== undefined) problems.push({ path: [key], message: `no ${key} beside sessions (each session has its own workbook and date)` });
  }
  const seen = new Map<string, number>();
  data.sessions.forEach((session, index) => {
    const before = data.sessions?.[index - 1];
    if (before && isCalendarDate(before.date) && isCalendarDate(session.date) && session.date < before.date) {
      problems.push({
        path: ['sessions', index, 'date'],
        message: `a date on or after sessions[${index - 1}].date (${before.date}), as sessions are listed in order`,
      });
    }
    const first = seen.get(session.workbook);
    if (first === undefined) seen.set(session.workbook, index);
    else problems.push({ path: ['sessions', index, 'workbook'], message: `a workbook not already followed in sessions[${first}]` });
  });
  return problems;
}

export const clientSchema = clientFields.superRefine((data, context) => {
  for (const problem of sessionProblems(data)) context.addIssue({ code: 'custom', path: problem.path, message: problem.message });
});

/**
 * A client's sessions in order, from either form of the file: the `sessions:`
 * list, or the single `sessionDate` and `workbook` (`values` when left out).
 */
export function clientSessions(data: { sessionDate?: string | undefined; workbook?: string | undefined; sessions?: Session[] | undefined }): Session[] {
  if (data.sessions && data.sessions.length > 0) return data.sessions;
  return [{ workbook: data.workbook ?? 'values', date: data.sessionDate ?? '' }];
}

export type ClientInput = z.input<typeof clientSchema>;
export type ClientData = z.infer<typeof clientSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type Theme = z.infer<typeof themeSchema>;
