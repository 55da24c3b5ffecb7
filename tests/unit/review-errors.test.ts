import { describe, expect, it } from 'vitest';
import { plainReadError, readAnswersFileBytes, readShareFragment } from '../../src/share/decode.ts';

const slug = 'maya-abcdefghijklmnopqrstuvwx';

describe('what the coach reads when answers cannot be opened', () => {
  it('says what happened in plain words, for a link and for a file', async () => {
    const other = await readShareFragment('#v=1&slug=sam-abcdefghijklmnopqrstuvwx&crc=00000000&d=AAAA', slug);
    expect(!other.ok && plainReadError(other.message)).toBe('This link holds the answers of another client, not this one.');
    const short = await readShareFragment('#v=1&slug=may', slug);
    expect(!short.ok && plainReadError(short.message)).toBe('This link is incomplete: it may have been cut short when it was copied.');
    const file = readAnswersFileBytes(new TextEncoder().encode('not json'), 'answers.json', slug);
    expect(!file.ok && plainReadError(file.message)).toBe('This file is not an answers file from the workbook, or it is damaged.');
  });

  it('never shows the detailed line itself', async () => {
    const bad = await readShareFragment('#v=9', slug);
    expect(!bad.ok && bad.message).toMatch(/^error: share link: v: /);
    const sentence = plainReadError(bad.ok ? '' : bad.message);
    expect(sentence).not.toMatch(/error:|slug|JSON|crc/);
    expect(plainReadError('error: pasted link: (link): expected a link with answers after #, found no # in it')).toMatch(
      /^The pasted link has no answers in it/,
    );
  });
});
