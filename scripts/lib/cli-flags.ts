import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { describeValue, formatProblem, type Problem } from '../../src/schemas/problems.ts';

/** The flags every content CLI ends with: `--json` for an answer a program can read, `--help` for the usage. */
export const COMMON_FLAGS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** What `readFlags` gives back for the flags it was given: each flag's value, when it was passed. */
export type FlagValues<T extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: false }>
>['values'];

/**
 * Reads a CLI's command line against its flags, which end with `COMMON_FLAGS`: whether `--json`
 * and `--help` were given, and what `request` makes of the other flags. An unknown flag, a flag
 * without its value or a stray argument is one problem line naming the CLI (`cli`), never a stack trace.
 */
export function readFlags<T extends ParseArgsOptionsConfig & typeof COMMON_FLAGS, R extends object>(
  cli: string,
  argv: string[],
  flags: T,
  request: (values: FlagValues<T>) => R,
): ({ ok: true; json: boolean; help: boolean } & R) | { ok: false; problem: Problem } {
  try {
    const { values } = parseArgs({ args: argv, options: flags, strict: true, allowPositionals: false });
    const common = values as { json?: boolean; help?: boolean };
    return { ok: true, json: common.json ?? false, help: common.help ?? false, ...request(values) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const problem = (field: string, expected: string, found: string) => ({
      ok: false as const,
      problem: { level: 'error' as const, file: cli, field, expected, found },
    });
    const flag = /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? argv.find((arg) => arg.startsWith('-')) ?? '(arguments)';
    const known = Object.keys(flags)
      .map((key) => `--${key}`)
      .join(', ');
    if (/argument missing/.test(message)) return problem(flag, 'a value after the flag', 'nothing');
    if (/positional/i.test(message)) {
      const stray = /argument '([^']*)'/.exec(message)?.[1];
      return problem('(arguments)', `only flags (${known})`, `a stray argument ${describeValue(stray)}`);
    }
    return problem(flag, `one of ${known}`, 'an unknown flag');
  }
}

/**
 * The flags a CLI read, or the end of the run: a bad flag prints its problem line and the usage
 * and exits 1; `--help` prints the usage and exits 0.
 */
export function flagsOrExit<T extends { ok: true; help: boolean }>(parsed: T | { ok: false; problem: Problem }, usage: string): T {
  if (!parsed.ok) {
    console.error(formatProblem(parsed.problem));
    console.error(usage);
    process.exit(1);
  }
  if (parsed.help) {
    console.log(usage);
    process.exit(0);
  }
  return parsed;
}
