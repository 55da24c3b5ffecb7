import { z } from 'astro/zod';

/**
 * The coach's own details, written once in `src/content/coach.yaml`.
 * A client file may override any of them under `coach:`.
 */
export const coachSchema = z
  .object({
    /**
     * The coach's name as clients see it, in the letter and on the workbook home.
     * @example "Jordan Ellis"
     */
    name: z.string({ error: 'the coach name as text' }).trim().min(1, { error: 'a coach name' }).max(80, {
      error: 'a coach name of at most 80 characters',
    }),
    /**
     * Where clients write to the coach. Used for "contact your coach" and for the letter.
     * @example "jordan@example.com"
     */
    email: z.email({ error: 'an email address like name@example.com' }),
    /**
     * The public address the workbooks are served from, without a client path.
     * A client's workbook lives at `<baseUrl>/<slug>/`.
     * @example "https://coach.example/workbooks"
     */
    baseUrl: z.url({ protocol: /^https?$/, error: 'a web address starting with https:// or http://' }),
  })
  .strict();

/** The same fields, each optional, for a client's override. */
export const coachOverrideSchema = coachSchema.partial().strict();

export type Coach = z.infer<typeof coachSchema>;
