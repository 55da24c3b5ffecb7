import { randomInt } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** 24 characters of 36 symbols is about 124 bits: the slug is what keeps a workbook private. */
export const RANDOM_PART_LENGTH = 24;
const MIN_RANDOM_PART = 20;
const PREFIX_MAX = 16;

/** The readable part of a slug: the first name, lowercased, folded to ASCII letters and digits. */
export function slugPrefix(name: string): string {
  const first = name.trim().split(/\s+/)[0] ?? '';
  const ascii = first
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, PREFIX_MAX);
  return ascii === '' ? 'client' : ascii;
}

/** A new private slug: `<prefix>-<24 random a-z0-9>`, drawn from the OS's secure random source. */
export function makeSlug(name: string): string {
  let random = '';
  for (let i = 0; i < RANDOM_PART_LENGTH; i += 1) random += ALPHABET[randomInt(ALPHABET.length)];
  return `${slugPrefix(name)}-${random}`;
}

/** Whether a slug has a readable prefix and at least 20 random characters. */
export function isPrivateSlug(slug: string): boolean {
  return new RegExp(`^[a-z0-9]{1,${PREFIX_MAX}}-[a-z0-9]{${MIN_RANDOM_PART},}$`).test(slug);
}

/** Folds a theme for duplicate checks: case and spaces do not make a theme different. */
export function themeKey(theme: string): string {
  return theme.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, '');
}

/** A stable id for a coach's theme, so the client's answers stay attached across rebuilds. */
export function themeId(theme: string): string {
  let hash = 0x811c9dc5;
  for (const char of themeKey(theme)) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const readable = theme
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 24);
  return `${readable === '' ? 'theme' : readable}-${hash.toString(36)}`;
}
