import { formatProblem, type Problem } from '../../src/schemas/problems.ts';

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
