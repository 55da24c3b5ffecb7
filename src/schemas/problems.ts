/**
 * One message style for every content error a coach can see: the file, the
 * field, what was expected and what was found, on a single line.
 */
export interface Problem {
  /** `error` stops the build or the CLI; `warning` is printed and the build goes on. */
  level: 'error' | 'warning';
  /** Path of the file being checked, relative to the project root where possible. */
  file: string;
  /** Dotted path to the field, e.g. `themes[3].name`; `(file)` for the whole file. */
  field: string;
  /** What the field should hold, in plain words. */
  expected: string;
  /** What was actually there, as `describeValue` renders it. */
  found: string;
}

/** Renders a problem as the one line printed by the build and the CLI. */
export function formatProblem(problem: Problem): string {
  const prefix = problem.level === 'warning' ? 'warning' : 'error';
  return `${prefix}: ${problem.file}: ${problem.field}: expected ${problem.expected}, found ${problem.found}`;
}

const MAX_SHOWN = 48;

/** Describes a value for the `found` part of a message, short and on one line. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    if (value.trim() === '') return 'an empty text';
    const oneLine = value.replace(/\s+/g, ' ');
    const shown = oneLine.length > MAX_SHOWN ? `${oneLine.slice(0, MAX_SHOWN - 1)}…` : oneLine;
    const length = [...value].length;
    return length > MAX_SHOWN || length > 20 ? `${JSON.stringify(shown)} (${length} characters)` : JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  return 'an object';
}

/** Formats a field path the way a coach reads it in YAML: `themes[2].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Reads the value at a path inside parsed input, for the `found` part. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Thrown when content has errors; its message holds one formatted line per problem. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentError';
    this.problems = problems;
  }
}
