// Before any schema is built: see the file for why.
import '../lib/zod-jitless.ts';
import { z } from 'astro/zod';

/** A client's slug, as it names the client's folder and the files written for them. */
export const clientSlugSchema = z.string({ error: 'a client slug' }).regex(/^[a-z0-9-]{1,80}$/, { error: 'a client slug' });

/**
 * The fields that open every file the site writes for download (the client's
 * answers, the coach's notes): what the file is and its version, each said in
 * words a person knows the file by, then whose it is and when it was written.
 */
export function exportFileFields<K extends string, V extends number>(kind: K, kindText: string, version: V, versionText: string) {
  return {
    kind: z.literal(kind, { error: kindText }),
    version: z.literal(version, { error: versionText }),
    slug: clientSlugSchema,
    exportedAt: z.string({ error: 'a date and time' }),
  };
}
