import { z } from 'astro/zod';
import { calendarDate } from './dates.ts';
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

/**
 * A client, one YAML file per client in `src/content/clients/`.
 * The file name (without `.yaml`) is the client's private slug.
 */
export const clientSchema = z
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
      sessionDate: calendarDate,
      /**
       * The workbook this client follows: the name of a folder in `src/content/workbooks/`.
       * @example "values"
       */
      workbook: z.string({ error: 'a workbook name as text' }).trim().min(1, { error: 'a workbook name' }).default('values'),
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

export type ClientInput = z.input<typeof clientSchema>;
export type ClientData = z.infer<typeof clientSchema>;
export type Theme = z.infer<typeof themeSchema>;
