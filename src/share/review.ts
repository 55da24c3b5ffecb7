import { atom } from 'nanostores';
import type { AnswersFile } from '../schemas/answers.ts';
import { MAX_ANSWERS_FILE_BYTES } from '../stores/limits.ts';
import { classifyStorageError, readKey, removeKey, writeOnce } from '../stores/storage.ts';
import { checkAnswersFile, plainReadError, readAnswersFileBytes, readShareFragment } from './decode.ts';

/**
 * The coach's review of one client's answers: what is open (from a link, a
 * file or the copy kept in this browser), and the kept copy itself, stored
 * under `coach:<slug>:review`, apart from anything the client's workbook stores.
 */
export type ReviewSource = 'link' | 'file' | 'saved';

export type ReviewState =
  | { status: 'empty' }
  | { status: 'reading' }
  | { status: 'ready'; file: AnswersFile; source: ReviewSource }
  | { status: 'error'; message: string; sentence: string };

export const $review = atom<ReviewState>({ status: 'empty' });
/** When the open answers were kept in this browser, if they were. */
export const $keptAt = atom<string | undefined>(undefined);
/** The last thing that happened to the kept copy, for a status line. */
export const $reviewNotice = atom('');

const KEPT_VERSION = 1;

/** Shows the coach a plain sentence; the detailed line goes to the console, for whoever looks into it. */
function refuse(message: string): void {
  console.warn(message);
  $review.set({ status: 'error', message, sentence: plainReadError(message) });
}

export function reviewStorageKey(slug: string): string {
  return `coach:${slug}:review`;
}

interface Kept {
  version: number;
  keptAt: string;
  file: unknown;
}

/** The copy kept in this browser, checked like any other answers. */
function readKept(slug: string): { file: AnswersFile; keptAt: string } | { message: string } | undefined {
  let raw: string | undefined;
  try {
    raw = readKey(reviewStorageKey(slug));
  } catch {
    return undefined;
  }
  if (raw === undefined) return undefined;
  let kept: Kept;
  try {
    kept = JSON.parse(raw) as Kept;
  } catch {
    return { message: 'error: kept copy: (file): expected answers written as JSON, found text that is not JSON' };
  }
  if (kept?.version !== KEPT_VERSION) return { message: `error: kept copy: version: expected ${KEPT_VERSION}, found ${String(kept?.version)}` };
  const checked = checkAnswersFile(kept.file, 'kept copy', slug);
  return checked.ok ? { file: checked.file, keptAt: String(kept.keptAt) } : { message: checked.message };
}

function sameAnswers(a: AnswersFile, b: AnswersFile): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function show(slug: string, file: AnswersFile, source: ReviewSource): void {
  const kept = readKept(slug);
  $keptAt.set(kept && 'file' in kept && sameAnswers(kept.file, file) ? kept.keptAt : undefined);
  $review.set({ status: 'ready', file, source });
}

// Each open supersedes the one before, so a slow link cannot overwrite a file opened after it.
let openCount = 0;

/**
 * Opens what the page was given: answers in the fragment, else the copy kept
 * in this browser, else nothing.
 */
export async function openReview(slug: string, hash: string): Promise<void> {
  const ticket = (openCount += 1);
  $reviewNotice.set('');
  if (hash.replace(/^#/, '') === '') {
    const kept = readKept(slug);
    if (!kept) $review.set({ status: 'empty' });
    else if ('message' in kept) refuse(kept.message);
    else show(slug, kept.file, 'saved');
    return;
  }
  $review.set({ status: 'reading' });
  const result = await readShareFragment(hash, slug);
  if (ticket !== openCount) return;
  if (result.ok) show(slug, result.file, 'link');
  else refuse(result.message);
}

/** Opens a link the coach pasted: only its fragment matters. */
export async function openPastedLink(slug: string, text: string): Promise<void> {
  const hash = text.includes('#') ? text.slice(text.indexOf('#')) : '';
  if (hash === '' || hash === '#') {
    openCount += 1;
    refuse('error: pasted link: (link): expected a link with answers after #, found no # in it');
    return;
  }
  await openReview(slug, hash.trim());
}

/** Opens an answers file the coach picked. */
export async function openFile(slug: string, file: File): Promise<void> {
  const ticket = (openCount += 1);
  $reviewNotice.set('');
  $review.set({ status: 'reading' });
  // Too large to read: refused by the file check before a byte is loaded.
  const bytes = file.size > MAX_ANSWERS_FILE_BYTES ? new Uint8Array(0) : new Uint8Array(await file.arrayBuffer());
  if (ticket !== openCount) return;
  const result = readAnswersFileBytes(bytes, file.name, slug, file.size);
  if (result.ok) show(slug, result.file, 'file');
  else refuse(result.message);
}

/** Keeps the open answers in this browser, replacing any older kept copy. */
export function keepReview(slug: string, now: Date = new Date()): void {
  const state = $review.get();
  if (state.status !== 'ready') return;
  const kept: Kept = { version: KEPT_VERSION, keptAt: now.toISOString(), file: state.file };
  try {
    writeOnce(reviewStorageKey(slug), JSON.stringify(kept));
    $keptAt.set(kept.keptAt);
    $reviewNotice.set('Kept in this browser. Open this page again without a link to see them.');
  } catch (error) {
    $reviewNotice.set(
      classifyStorageError(error) === 'quota'
        ? 'This browser’s storage is full, so the answers were not kept. Keep the link or the file instead.'
        : 'This browser is not allowing storage here (a private window, perhaps), so the answers were not kept. Keep the link or the file instead.',
    );
  }
}

/** Removes the kept copy; what is open stays on screen. */
export function forgetReview(slug: string): void {
  try {
    removeKey(reviewStorageKey(slug));
    $keptAt.set(undefined);
    $reviewNotice.set('The kept copy was removed from this browser.');
  } catch {
    $reviewNotice.set('This browser did not allow removing the kept copy.');
  }
}
