import type { AnswersFile } from '../schemas/answers.ts';

/**
 * The share link: a client's answers file, compressed and packed into the URL
 * fragment of the coach's review page. Browsers never send the fragment to a
 * server, so the answers travel from one browser to the other and nowhere else.
 *
 * Fragment: `#v=1&slug=<slug>&crc=<8 hex>&d=<base64url of deflate-raw JSON>`.
 * `crc` is the CRC-32 of the JSON, so a changed link is told apart from a cut one.
 */
export const SHARE_LINK_VERSION = 1;
/** The most answers a link may carry once unpacked. Bigger answers go by file. */
export const MAX_LINK_BYTES = 200 * 1024;
/** Many mail programs cut `mailto:` addresses longer than about 2,000 characters. */
export const MAX_MAILTO_LENGTH = 2000;

/** Turns bytes into base64url text without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Reads base64url text back into bytes; `undefined` when it holds anything else. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (the zip and PNG checksum) of some bytes. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** CRC-32 as the 8 lowercase hex digits the link carries. */
export function crcHex(bytes: Uint8Array): string {
  return crc32(bytes).toString(16).padStart(8, '0');
}

/** Thrown by `inflateRaw` when the unpacked data passes the limit. */
export class TooLargeError extends Error {
  constructor(limit: number) {
    super(`more than ${Math.round(limit / 1024)} KB once unpacked`);
    this.name = 'TooLargeError';
  }
}

/** Whether this browser can compress with `deflate-raw` itself (Safari before 16.4 cannot). */
function hasNativeDeflateRaw(): boolean {
  try {
    new CompressionStream('deflate-raw');
    new DecompressionStream('deflate-raw');
    return true;
  } catch {
    return false;
  }
}

/** Pushes bytes through a (de)compression stream; errors surface on the readable side. */
function through(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  const writer = transform.writable.getWriter();
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  return transform.readable;
}

/** Gathers chunks of output into one array, keeping count of the bytes against a limit. */
function chunks(limit: number) {
  const parts: Uint8Array[] = [];
  let length = 0;
  return {
    /** Keeps a chunk; false, keeping nothing, once the bytes in all pass the limit. */
    add(chunk: Uint8Array): boolean {
      length += chunk.length;
      if (length > limit) return false;
      parts.push(chunk);
      return true;
    },
    join(): Uint8Array {
      const out = new Uint8Array(length);
      let offset = 0;
      for (const part of parts) {
        out.set(part, offset);
        offset += part.length;
      }
      return out;
    },
  };
}

async function concat(stream: ReadableStream<Uint8Array>, limit = Infinity): Promise<Uint8Array> {
  const reader = stream.getReader();
  const out = chunks(limit);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out.join();
    if (!out.add(value)) {
      await reader.cancel().catch(() => undefined);
      throw new TooLargeError(limit);
    }
  }
}

/** Compresses bytes as raw DEFLATE: the browser's own CompressionStream, else fflate. */
export async function deflateRaw(bytes: Uint8Array, engine: 'auto' | 'fflate' = 'auto'): Promise<Uint8Array> {
  if (engine === 'auto' && hasNativeDeflateRaw()) {
    return concat(through(bytes, new CompressionStream('deflate-raw')));
  }
  const { deflateSync } = await import('fflate');
  return deflateSync(bytes, { level: 9 });
}

/**
 * Unpacks raw DEFLATE, stopping as soon as the output passes `limit` bytes, so
 * a small link that unpacks to gigabytes cannot freeze the page. Throws
 * `TooLargeError` past the limit and a plain Error on data that does not unpack.
 */
export async function inflateRaw(bytes: Uint8Array, limit: number, engine: 'auto' | 'fflate' = 'auto'): Promise<Uint8Array> {
  if (engine === 'auto' && hasNativeDeflateRaw()) {
    return concat(through(bytes, new DecompressionStream('deflate-raw')), limit);
  }
  const { Inflate } = await import('fflate');
  const out = chunks(limit);
  const inflate = new Inflate((chunk) => {
    if (!out.add(chunk)) throw new TooLargeError(limit);
  });
  // Small slices bound how much one push can unpack before the limit is checked.
  const slice = 1024;
  for (let i = 0; i < bytes.length; i += slice) inflate.push(bytes.subarray(i, i + slice), i + slice >= bytes.length);
  if (bytes.length === 0) inflate.push(new Uint8Array(0), true);
  return out.join();
}

/** The fields a share fragment carries, before they are checked. */
export interface ShareFragment {
  v: string | null;
  slug: string | null;
  crc: string | null;
  d: string | null;
}

/** Splits a fragment (with or without its `#`) into its fields. */
export function parseFragment(hash: string): ShareFragment {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return { v: params.get('v'), slug: params.get('slug'), crc: params.get('crc'), d: params.get('d') };
}

/** What `encodeShareFragment` made: the fragment, and the size of the JSON it carries. */
export interface EncodedAnswers {
  /** The fragment without its `#`. */
  fragment: string;
  /** Bytes of JSON before compression; links refuse more than MAX_LINK_BYTES. */
  jsonBytes: number;
}

/** Packs an answers file into a share fragment. */
export async function encodeShareFragment(file: AnswersFile, engine: 'auto' | 'fflate' = 'auto'): Promise<EncodedAnswers> {
  const json = new TextEncoder().encode(JSON.stringify(file));
  const packed = await deflateRaw(json, engine);
  const params = new URLSearchParams({ v: String(SHARE_LINK_VERSION), slug: file.slug, crc: crcHex(json) });
  // The data goes last and unescaped: base64url needs no escaping, and a cut link loses data, not fields.
  return { fragment: `${params.toString()}&d=${toBase64Url(packed)}`, jsonBytes: json.length };
}

/** The coach's review page for a client: `<coach baseUrl>/coach/<slug>/review/`. */
export function reviewPageUrl(coachBaseUrl: string, slug: string): string {
  return `${coachBaseUrl.replace(/\/+$/, '')}/coach/${slug}/review/`;
}

/** A `mailto:` link carrying the share link, or `undefined` when it would be too long for mail programs. */
export function shareMailto(options: { to: string; subject: string; intro: string; link: string }): string | undefined {
  const body = `${options.intro}\n\n${options.link}\n`;
  const href = `mailto:${encodeURIComponent(options.to).replace(/%40/g, '@')}?subject=${encodeURIComponent(options.subject)}&body=${encodeURIComponent(body)}`;
  return href.length <= MAX_MAILTO_LENGTH ? href : undefined;
}
