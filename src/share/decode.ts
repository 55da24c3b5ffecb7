import type { AnswersFile } from '../schemas/answers.ts';
import { describeValue, formatProblem, type Problem } from '../schemas/problems.ts';
import { checkAnswersBytes, checkAnswersInput, type FileCheckOptions } from '../stores/import-file.ts';
import { crcHex, fromBase64Url, inflateRaw, MAX_LINK_BYTES, parseFragment, SHARE_LINK_VERSION, TooLargeError } from './codec.ts';

/**
 * Reading answers the coach was sent: a share link's fragment or an answers
 * file. Every failure becomes one line in the project's error style; nothing
 * here throws, and nothing read is ever treated as markup. The answers inside
 * go through the one answers-file check (src/stores/import-file.ts), so a link
 * or file made by an older workbook is carried forward like stored answers.
 */
export type ReadResult = { ok: true; file: AnswersFile } | { ok: false; message: string };

/** How the coach's side checks answers: for this client, shown only as text. */
const COACH: FileCheckOptions = { slugWords: 'coach', refuseMarkup: false };

function fail(source: string, field: string, expected: string, found: string): ReadResult {
  const problem: Problem = { level: 'error', file: source, field, expected, found };
  return { ok: false, message: formatProblem(problem) };
}

function kb(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** The detailed line of the first problem: the review page turns it into a sentence for the coach (plainReadError). */
function result(check: ReturnType<typeof checkAnswersInput>): ReadResult {
  if (check.ok) return check;
  const [first, ...more] = check.problems;
  if (!first) return { ok: false, message: check.message };
  return { ok: false, message: `${formatProblem(first)}${more.length > 0 ? ` (and ${more.length} more problem${more.length === 1 ? '' : 's'})` : ''}` };
}

/** Checks parsed JSON (a kept copy, say) as answers for the page's client. */
export function checkAnswersFile(input: unknown, source: string, expectedSlug: string): ReadResult {
  return result(checkAnswersInput(input, source, expectedSlug, COACH));
}

function parseJson(bytes: Uint8Array, source: string, field: string): { ok: true; value: unknown } | { ok: false; result: ReadResult } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, result: fail(source, field, 'answers as UTF-8 text', 'bytes that are not text') };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, result: fail(source, field, 'answers written as JSON', `text that is not JSON (${describeValue(text)})`) };
  }
}

/**
 * Reads a share link's fragment (with or without `#`) for the client whose
 * review page is open.
 * @example await readShareFragment(location.hash, 'maya-y4185fjpwqev9y4j6fk69oit')
 */
export async function readShareFragment(hash: string, expectedSlug: string, engine: 'auto' | 'fflate' = 'auto'): Promise<ReadResult> {
  const source = 'share link';
  try {
    const fields = parseFragment(hash);
    if (fields.v !== String(SHARE_LINK_VERSION)) {
      return fail(source, 'v', `link version ${SHARE_LINK_VERSION} (the link may be cut short or changed)`, describeValue(fields.v ?? undefined));
    }
    if (fields.slug === null) return fail(source, 'slug', 'the client the answers belong to (the link may be cut short)', 'nothing');
    if (fields.slug !== expectedSlug && fields.crc === null && fields.slug !== '' && expectedSlug.startsWith(fields.slug)) {
      return fail(source, 'slug', `this client's whole slug (the link is cut short)`, `the start of it, ${describeValue(fields.slug)}`);
    }
    if (fields.slug !== expectedSlug) {
      return fail(
        source,
        'slug',
        `a link for this client (${expectedSlug})`,
        `a link for another client (${/^[a-z0-9-]{1,80}$/.test(fields.slug) ? fields.slug : describeValue(fields.slug)})`,
      );
    }
    if (fields.crc === null || !/^[0-9a-f]{8}$/.test(fields.crc)) {
      return fail(source, 'crc', 'a checksum of 8 hex digits (the link may be cut short or changed)', describeValue(fields.crc ?? undefined));
    }
    if (fields.d === null || fields.d === '') return fail(source, 'd', 'the packed answers (the link is cut short)', 'nothing');
    // Packed data is never much bigger than what it unpacks to; refuse huge links before any work.
    if (fields.d.length > Math.ceil((MAX_LINK_BYTES * 4) / 3) + 1024) {
      return fail(source, 'd', `at most ${kb(MAX_LINK_BYTES)} of answers`, `a link of ${kb(fields.d.length)}`);
    }
    if (!/^[A-Za-z0-9_-]+$/.test(fields.d)) return fail(source, 'd', 'base64url text (A-Z, a-z, 0-9, - and _)', 'other characters (the link was changed)');
    // A length no base64 text can have means the end was cut off; the last character carries only part of a byte.
    const packed = fromBase64Url(fields.d.length % 4 === 1 ? fields.d.slice(0, -1) : fields.d) ?? new Uint8Array(0);

    let json: Uint8Array;
    try {
      json = await inflateRaw(packed, MAX_LINK_BYTES, engine);
    } catch (error) {
      if (error instanceof TooLargeError) return fail(source, 'd', `at most ${kb(MAX_LINK_BYTES)} of answers once unpacked`, 'more');
      return fail(source, 'd', 'complete packed answers (the link may be cut short or changed)', 'data that does not unpack');
    }
    if (crcHex(json) !== fields.crc) {
      return fail(source, 'crc', 'a checksum that matches the answers (the link was changed after it was made)', 'a different checksum');
    }
    const parsed = parseJson(json, source, 'd');
    if (!parsed.ok) return parsed.result;
    return checkAnswersFile(parsed.value, source, expectedSlug);
  } catch (error) {
    return fail(source, '(link)', 'a link made by "Share with my coach"', `an unreadable link (${error instanceof Error ? error.name : 'error'})`);
  }
}

/** Reads an answers file the coach picked, by its name and bytes. */
export function readAnswersFileBytes(bytes: Uint8Array, fileName: string, expectedSlug: string, size = bytes.length): ReadResult {
  return result(checkAnswersBytes(bytes, fileName, expectedSlug, COACH, size));
}

/**
 * The coach's sentence for a detailed line from this module or the review
 * store: what happened, in plain words. The detailed line stays for the console
 * and the tests; the review page says "Nothing was changed" beside this.
 */
export function plainReadError(message: string): string {
  const from = /^error: (share link|pasted link|kept copy):/.exec(message)?.[1] ?? 'file';
  if (from === 'pasted link') return 'The pasted link has no answers in it: a link from “Share with my coach” has a long part after a # sign.';
  if (from === 'kept copy') return 'The copy of these answers kept in this browser could not be read.';
  const thing = from === 'share link' ? 'This link' : 'This file';
  if (/another client|another workbook/.test(message)) return `${thing} holds the answers of another client, not this one.`;
  if (/at most .*(KB|MB)/.test(message)) return `${thing} holds more answers than this page can open.`;
  if (/changed after it was made/.test(message)) return `${thing} was changed after it was made, so its answers cannot be trusted.`;
  if (/cut short/.test(message)) return `${thing} is incomplete: it may have been cut short when it was copied.`;
  if (/newer version|a version this page/.test(message)) return `${thing} was made by a newer version of the workbook than this page.`;
  return from === 'share link'
    ? 'This link could not be read as answers from the workbook.'
    : 'This file is not an answers file from the workbook, or it is damaged.';
}
