import { z } from 'astro/zod';

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
  })
  .strict();

export type WorkbookPageData = z.infer<typeof workbookPageSchema>;
