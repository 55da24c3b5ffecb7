import type { z } from 'astro/zod';
import { describeValue, formatPath, valueAt, type Problem } from './problems.ts';

/**
 * Turns a zod failure into our problems. Every schema in this folder sets its
 * own error text to the "expected" part, so the message reads as one sentence.
 */
export function zodProblems(error: z.ZodError, input: unknown, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const path = issue.path as PropertyKey[];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({
          level: 'error',
          file,
          field: formatPath([...path, key]),
          expected: 'no such field (check its spelling)',
          found: describeValue(valueAt(input, [...path, key])),
        });
      }
      continue;
    }
    problems.push({
      level: 'error',
      file,
      field: formatPath(path),
      expected: expectedText(issue.message),
      found: describeValue(foundAt(input, path)),
    });
  }
  return problems;
}

/** Zod's own defaults read "Invalid input: expected string, received number"; keep only the expectation. */
function expectedText(message: string): string {
  const match = /expected ([^,]+)/i.exec(message);
  if (message.startsWith('Invalid input') && match?.[1]) return match[1];
  return message;
}

/** The value at a path; where a shorthand string stood for an object (a theme), the string itself. */
function foundAt(input: unknown, path: PropertyKey[]): unknown {
  const value = valueAt(input, path);
  if (value !== undefined || path.length === 0) return value;
  const parent = valueAt(input, path.slice(0, -1));
  return typeof parent === 'string' ? parent : value;
}
