import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { clientSchema } from './schemas/client.ts';
import { coachSchema } from './schemas/coach.ts';
import { workbookPageSchema } from './schemas/workbook-page.ts';

// Read against the project root: tests and benchmarks build fixture projects with content of their own.
const base = './src/content';

const clients = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml}', base: `${base}/clients`, generateId: ({ entry }) => entry.replace(/\.ya?ml$/, '') }),
  schema: clientSchema,
});

const coach = defineCollection({
  loader: glob({ pattern: 'coach.yaml', base }),
  schema: coachSchema,
});

const workbooks = defineCollection({
  loader: glob({ pattern: '*/*.{md,mdx}', base: `${base}/workbooks`, generateId: ({ entry }) => entry.replace(/\.mdx?$/, '') }),
  schema: workbookPageSchema,
});

export const collections = { clients, coach, workbooks };
