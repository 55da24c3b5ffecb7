import { describe, expect, it } from 'vitest';
import { isPrivateSlug, makeSlug, RANDOM_PART_LENGTH, slugPrefix, themeId } from '../../src/lib/slug.ts';

describe('client slugs', () => {
  it('are 1,000 different slugs in 1,000 draws, each private', () => {
    const slugs = Array.from({ length: 1000 }, () => makeSlug('Maya Okafor'));
    expect(new Set(slugs).size).toBe(1000);
    for (const slug of slugs) {
      expect(slug).toMatch(/^maya-[a-z0-9]{24}$/);
      expect(isPrivateSlug(slug)).toBe(true);
    }
  });

  it('carry over 100 bits of randomness', () => {
    expect(RANDOM_PART_LENGTH * Math.log2(36)).toBeGreaterThan(100);
  });

  it('spread their random characters over the whole alphabet', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 1000; i += 1) for (const char of makeSlug('x').slice(2)) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(36);
    // 24,000 characters over 36 symbols: about 667 each; a fair source stays well inside these bounds.
    for (const count of counts.values()) expect(count).toBeGreaterThan(500);
  });

  it('start with a readable ASCII first name', () => {
    expect(slugPrefix('Zoë Brontë')).toBe('zoe');
    expect(slugPrefix("  Ciarán O'Neill")).toBe('ciaran');
    expect(slugPrefix('Алёна')).toBe('client');
    expect(slugPrefix('家明')).toBe('client');
    expect(slugPrefix('<img src=x>')).toBe('img');
  });

  it('reject short or unreadable names', () => {
    expect(isPrivateSlug('maya')).toBe(false);
    expect(isPrivateSlug('maya-abc')).toBe(false);
    expect(isPrivateSlug('Maya-abcdefghijklmnopqrstuvwx')).toBe(false);
    expect(isPrivateSlug('-abcdefghijklmnopqrstuvwx')).toBe(false);
  });
});

describe('theme ids', () => {
  it('are stable, and equal for themes that differ only in case and spaces', () => {
    expect(themeId('Personal growth')).toBe(themeId('personal  Growth'));
    // Saved answers are keyed by these ids: a change here would orphan every client's answers.
    expect(themeId('Creativity')).toBe('creativity-kd3ro3');
    expect(themeId('Семья')).toBe('theme-y9xfu4');
    expect(themeId('Creativity')).not.toBe(themeId('Family'));
  });

  it('are valid ids for any script', () => {
    for (const theme of ['Семья', '家族', 'عربى', '✨ joy', 'Zoë']) expect(themeId(theme)).toMatch(/^[a-z0-9-]{1,40}$/);
    expect(themeId('Семья')).not.toBe(themeId('家族'));
  });
});
