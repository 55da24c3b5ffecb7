import { z } from 'astro/zod';
import { themeMarkProblem } from '../lib/session.ts';

/** One line of the session's words, with `{theme}` where the theme goes. */
function sessionLine(what: string, needsTheme: boolean) {
  return z
    .string({ error: `${what} as text` })
    .trim()
    .min(1, { error: `${what}, not an empty line` })
    .superRefine((value, ctx) => {
      const problem = themeMarkProblem(value, needsTheme);
      const rule = needsTheme ? 'one {theme} where the theme goes' : 'at most one {theme}';
      if (problem) ctx.addIssue({ code: 'custom', message: `${what} with ${rule} and no other {…} mark (this one has ${problem})` });
    });
}

/**
 * The frontmatter of one workbook page, an MDX file in
 * `src/content/workbooks/<workbook>/<page>.mdx`. The file name is the page's URL segment.
 */
export const workbookPageSchema = z
  .object({
    /**
     * The page's heading and its name in lists.
     * @example "Value chains"
     */
    title: z.string({ error: 'a page title as text' }).trim().min(1, { error: 'a page title' }),
    /**
     * Who reads the page: the client in their workbook, or the coach under `/coach/`.
     * @example "client"
     */
    audience: z.enum(['coach', 'client'], { error: 'coach or client' }),
    /**
     * Position among the pages of the same audience, lowest first.
     * @example 2
     */
    order: z.number({ error: 'a whole number' }).int({ error: 'a whole number' }),
    /**
     * An optional piece of homework: listed, but counted apart from the rest.
     * @example true
     */
    optional: z.boolean({ error: 'true or false' }).default(false),
    /**
     * Whether the page is a homework item with a done state. Notes pages are not.
     * @example true
     */
    homework: z.boolean({ error: 'true or false' }).default(false),
    /**
     * A short label shown before the title in lists.
     * @example "HW1"
     */
    label: z.string({ error: 'a short label as text' }).max(12, { error: 'a label of at most 12 characters' }).optional(),
    /**
     * One sentence saying what the page asks of the reader, for the homework list.
     * @example "Build a chain of words for each value and mark the one that sums it up."
     */
    description: z.string({ error: 'a one-sentence description' }).max(200, { error: 'at most 200 characters' }).optional(),
    /**
     * How the page is rendered. `letter` pages are templates filled with the client's details.
     * @example "letter"
     */
    layout: z.enum(['page', 'letter'], { error: 'page or letter' }).default('page'),
    /**
     * The email subject of a `letter` page; it may use the letter's placeholders. Defaults to the title.
     * @example "Your values homework, {{clientName}}"
     */
    subject: z
      .string({ error: 'an email subject as text' })
      .trim()
      .min(1, { error: 'a non-empty subject' })
      .max(150, { error: 'a subject of at most 150 characters' })
      .optional(),
    /**
     * For a guide with `<ThemeCards />`: the opening question for each theme, `{theme}` marking
     * where the theme goes. The first is the one to ask; any others are other ways in.
     * @example ["I could tell from several of your answers that {theme} is important to you. What is important to you about that?"]
     */
    prompts: z
      .array(sessionLine('an opening prompt', true), { error: 'a list of opening prompts' })
      .min(1, { error: 'at least one opening prompt' })
      .optional(),
    /**
     * For a guide with `<ThemeCards />`: the follow-up questions after each theme's opening
     * prompt, in order. `{theme}` is filled in where it appears.
     * @example ["What else?", "What excites you most about {theme}?"]
     */
    followUps: z.array(sessionLine('a follow-up question', false), { error: 'a list of follow-up questions' }).optional(),
  })
  .strict();

export type WorkbookPageData = z.infer<typeof workbookPageSchema>;
