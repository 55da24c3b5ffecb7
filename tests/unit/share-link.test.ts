import { describe, expect, it } from 'vitest';
import {
  crc32,
  deflateRaw,
  encodeShareFragment,
  fromBase64Url,
  inflateRaw,
  MAX_LINK_BYTES,
  MAX_MAILTO_LENGTH,
  reviewPageUrl,
  shareMailto,
  toBase64Url,
  TooLargeError,
} from '../../src/share/codec.ts';
import { readAnswersFileBytes, readShareFragment } from '../../src/share/decode.ts';
import { sampleAnswers, sampleAnswersFile } from '../sample-answers.ts';

const slug = 'maya-y4185fjpwqev9y4j6fk69oit';
const other = 'sam-abcdefghijklmnopqrstuvwx';

/** Rebuilds a fragment with one field replaced. */
function withField(fragment: string, field: string, value: string | null): string {
  const params = new URLSearchParams(fragment);
  if (value === null) params.delete(field);
  else params.set(field, value);
  return params.toString();
}

describe('base64url and CRC-32', () => {
  it('round-trips every byte value and uses no padding or + /', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = toBase64Url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromBase64Url(text)).toEqual(bytes);
  });

  it('refuses text that is not base64url', () => {
    expect(fromBase64Url('abc$')).toBeUndefined();
    expect(fromBase64Url('a+b/')).toBeUndefined();
    expect(fromBase64Url('abcde')).toBeUndefined();
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('compression', () => {
  const text = new TextEncoder().encode('value chains '.repeat(500));

  for (const engine of ['auto', 'fflate'] as const) {
    it(`round-trips with the ${engine} engine`, async () => {
      const packed = await deflateRaw(text, engine);
      expect(packed.length).toBeLessThan(text.length / 10);
      expect(await inflateRaw(packed, MAX_LINK_BYTES, engine)).toEqual(text);
    });

    it(`stops unpacking past the limit with the ${engine} engine`, async () => {
      const bomb = await deflateRaw(new Uint8Array(5 * 1024 * 1024), engine);
      expect(bomb.length).toBeLessThan(10_000);
      await expect(inflateRaw(bomb, MAX_LINK_BYTES, engine)).rejects.toBeInstanceOf(TooLargeError);
    });

    it(`rejects cut data with the ${engine} engine`, async () => {
      const packed = await deflateRaw(text, engine);
      await expect(inflateRaw(packed.subarray(0, packed.length - 3), MAX_LINK_BYTES, engine)).rejects.toThrow();
    });
  }

  it('reads what the other engine packed', async () => {
    const packed = await deflateRaw(text, 'fflate');
    expect(await inflateRaw(packed, MAX_LINK_BYTES, 'auto')).toEqual(text);
  });
});

describe('share links', () => {
  it('carry version, slug and checksum before the data, and read back to the same answers', async () => {
    const file = sampleAnswersFile(slug);
    const { fragment, jsonBytes } = await encodeShareFragment(file);
    expect(fragment).toMatch(new RegExp(`^v=1&slug=${slug}&crc=[0-9a-f]{8}&d=[A-Za-z0-9_-]+$`));
    expect(jsonBytes).toBe(new TextEncoder().encode(JSON.stringify(file)).length);
    expect(await readShareFragment(`#${fragment}`, slug)).toEqual({ ok: true, file });
  });

  it('are short enough to email for a typical week of answers', async () => {
    const { fragment } = await encodeShareFragment(sampleAnswersFile(slug));
    const link = `${reviewPageUrl('https://coach.example/workbooks/', slug)}#${fragment}`;
    expect(link.startsWith(`https://coach.example/workbooks/coach/${slug}/review/#v=1`)).toBe(true);
    const mailto = shareMailto({ to: 'jordan@example.com', subject: 'My answers', intro: 'Here they are.', link });
    expect(mailto).toMatch(/^mailto:jordan@example.com\?subject=My%20answers&body=/);
    expect(mailto!.length).toBeLessThanOrEqual(MAX_MAILTO_LENGTH);
  });

  it('offer no mailto when the link is too long for mail programs', () => {
    expect(shareMailto({ to: 'a@b.co', subject: 's', intro: 'i', link: `https://x.example/#${'a'.repeat(MAX_MAILTO_LENGTH)}` })).toBeUndefined();
  });

  it('keep HTML in labels as plain data', async () => {
    const data = sampleAnswers();
    data.values[0]!.label = '<img src=x onerror=alert(1)>';
    const file = sampleAnswersFile(slug, data);
    const read = await readShareFragment((await encodeShareFragment(file)).fragment, slug);
    expect(read.ok && read.file.data.values[0]?.label).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('bad share links get one clear line', () => {
  async function valid() {
    return (await encodeShareFragment(sampleAnswersFile(slug))).fragment;
  }

  async function message(fragment: string): Promise<string> {
    const result = await readShareFragment(fragment, slug);
    if (result.ok) throw new Error('expected the link to be refused');
    expect(result.message.split('\n')).toHaveLength(1);
    return result.message;
  }

  it('names a link cut short, wherever it was cut', async () => {
    const fragment = await valid();
    for (let cut = 1; cut <= 8; cut += 1) {
      expect(await message(fragment.slice(0, fragment.length - cut))).toBe(
        'error: share link: d: expected complete packed answers (the link may be cut short or changed), found data that does not unpack',
      );
    }
    expect(await message(fragment.slice(0, fragment.indexOf('&d=')))).toBe(
      'error: share link: d: expected the packed answers (the link is cut short), found nothing',
    );
    expect(await message('v=1&slu')).toBe('error: share link: slug: expected the client the answers belong to (the link may be cut short), found nothing');
  });

  it('names a link for another client', async () => {
    expect(await message(withField(await valid(), 'slug', other))).toBe(
      `error: share link: slug: expected a link for this client (${slug}), found a link for another client (${other})`,
    );
  });

  it('names a changed link', async () => {
    const fragment = await valid();
    expect(await message(withField(fragment, 'crc', '00000000'))).toBe(
      'error: share link: crc: expected a checksum that matches the answers (the link was changed after it was made), found a different checksum',
    );
    expect(await message(withField(fragment, 'd', 'abc!def'))).toBe(
      'error: share link: d: expected base64url text (A-Z, a-z, 0-9, - and _), found other characters (the link was changed)',
    );
    expect(await message(withField(fragment, 'v', '2'))).toBe(
      'error: share link: v: expected link version 1 (the link may be cut short or changed), found "2"',
    );
  });

  it('names answers that pass the checksum but break the schema', async () => {
    const data = sampleAnswers();
    (data.values[0] as { rating: unknown }).rating = 11;
    const fragment = (await encodeShareFragment(sampleAnswersFile(slug, data))).fragment;
    expect(await message(fragment)).toMatch(/^error: share link: data\.values\[0\]\.rating: expected .+, found 11$/);
  });

  it('refuses answers over 200 KB once unpacked', async () => {
    const data = sampleAnswers();
    data.workbooks = { ...data.workbooks, values: { notes: 'a'.repeat(199_000) } };
    data.values[0]!.chain = Array.from({ length: 40 }, (_, i) => ({ id: `w${i}`, text: 'b'.repeat(80) }));
    data.values[1]!.chain = Array.from({ length: 40 }, (_, i) => ({ id: `x${i}`, text: 'c'.repeat(80) }));
    const fragment = (await encodeShareFragment(sampleAnswersFile(slug, data))).fragment;
    expect(await message(fragment)).toBe('error: share link: d: expected at most 200 KB of answers once unpacked, found more');
  });
});

describe('answers files', () => {
  const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

  it('read a file downloaded from the workbook', () => {
    const file = sampleAnswersFile(slug);
    expect(readAnswersFileBytes(bytes(file), 'answers.json', slug)).toEqual({ ok: true, file });
  });

  it('refuse other files with one line naming the file', () => {
    const refuse = (input: unknown) => {
      const result = readAnswersFileBytes(bytes(input), 'answers.json', slug);
      return result.ok ? 'accepted' : result.message;
    };
    expect(refuse('')).toBe('error: answers.json: (file): expected an answers file downloaded from the workbook, found an empty file');
    expect(refuse('{"kind":')).toBe('error: answers.json: (file): expected an answers file (JSON) downloaded from this workbook, found text that is not JSON');
    expect(refuse({ hello: 'world' })).toMatch(
      /^error: answers\.json: kind: expected a coaching workbook answers file, found nothing \(and \d+ more problems\)$/,
    );
    expect(refuse(sampleAnswersFile(other))).toBe(
      `error: answers.json: slug: expected answers for this client (${slug}), found answers for another client (${other})`,
    );
  });
});
