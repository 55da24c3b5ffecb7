import type { Answers } from '../schemas/answers.ts';
import { readStored } from './migrate.ts';
import { seedAnswers, type Theme } from './model.ts';
import { readKey } from './storage.ts';

/**
 * Reading a client's saved answers without starting the answers store and
 * without writing anything, for pages that only show or send them (the print
 * page, "Share with my coach"). The same key, migration and checks as the store.
 */

/** The storage key of one client's answers. */
export function answersStorageKey(slug: string): string {
  return `workbook:${slug}:answers`;
}

/** Where unreadable stored answers are copied before the store starts clean. */
export function answersBackupKey(slug: string, time: number): string {
  return `workbook:${slug}:answers:backup:${time}`;
}

/** What is saved: the answers (migrated in memory), or why there are none to use. */
export type SavedAnswers = { ok: true; answers: Answers } | { ok: false; reason: 'none' | 'unavailable' | 'unreadable' | 'newer' };

/** Reads what is saved for a client. `themes` are the coach's, to tell their values from the client's in old answers. */
export function readSavedAnswers(slug: string, themes: readonly Theme[], now: number = Date.now()): SavedAnswers {
  let text: string | undefined;
  try {
    text = readKey(answersStorageKey(slug));
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
  const read = readStored(text, new Set(themes.map((theme) => theme.id)), now);
  if (read.kind === 'ok') return { ok: true, answers: read.answers };
  if (read.kind === 'empty') return { ok: false, reason: 'none' };
  return { ok: false, reason: read.reason === 'newer-version' ? 'newer' : 'unreadable' };
}

/** The saved answers, or the seeded answers when nothing usable is saved. */
export function peekAnswers(slug: string, themes: readonly Theme[]): Answers {
  const saved = readSavedAnswers(slug, themes);
  return saved.ok ? saved.answers : seedAnswers(themes);
}
