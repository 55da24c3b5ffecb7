import { z } from 'astro/zod';

/** True when `text` is a real calendar date written as YYYY-MM-DD (so 2026-13-45 is not). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar date as `YYYY-MM-DD`. YAML loaders that turn dates into `Date`
 * objects are accepted too, and normalised back to text.
 * @example "2026-12-03"
 */
export const calendarDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.string({ error: 'a date written as YYYY-MM-DD' }).refine(isCalendarDate, { error: 'a real calendar date written as YYYY-MM-DD' }),
);
