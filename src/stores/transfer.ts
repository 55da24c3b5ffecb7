import type { Answers, AnswersFile } from '../schemas/answers.ts';
import { ANSWERS_VERSION } from './limits.ts';

/**
 * "Download my answers". The check of an imported file and the preview of
 * what it would change live in import-file.ts and changes.ts, loaded only
 * when a file is chosen.
 */

/** The answers file: what "Download my answers" writes and what a share link carries. */
export function exportFile(slug: string, answers: Answers, now: number): AnswersFile {
  return { kind: 'coaching-workbook-answers', version: ANSWERS_VERSION, slug, exportedAt: new Date(now).toISOString(), data: answers };
}

/** A file name that says whose answers and from when, without the private part of the link. */
export function exportFileName(slug: string, now: number, what: 'answers' | 'answers-backup' = 'answers'): string {
  const first = slug.split('-')[0] || 'workbook';
  const day = new Date(now).toISOString().slice(0, 10);
  return `${first}-${what}-${day}.${what === 'answers' ? 'json' : 'txt'}`;
}
