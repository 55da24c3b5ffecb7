import * as prompts from '@clack/prompts';
import { contentDir, listWorkbooks } from '../src/lib/content-check.ts';
import { isCalendarDate } from '../src/schemas/dates.ts';
import { addSession, formatProblem, listClients, missingFlags, parseFlags, USAGE, type SessionRequest } from './lib/new-session.ts';
import { flagsOrExit } from './lib/cli-flags.ts';

// `npm run new-session`: adds a session (a workbook and a date) to a client's file, asking for what the flags leave out.
const parsed = flagsOrExit(parseFlags(process.argv.slice(2)), USAGE);

async function ask(request: SessionRequest): Promise<SessionRequest> {
  prompts.intro('New session');
  const stop = (value: unknown): void => {
    if (prompts.isCancel(value)) {
      prompts.cancel('Cancelled. Nothing was written.');
      process.exit(1);
    }
  };
  const answered = { ...request };
  if (!answered.client) {
    const clients = listClients();
    if (clients.length === 0) {
      prompts.cancel('No clients yet: add one with npm run new-client. Nothing was written.');
      process.exit(1);
    }
    const client = await prompts.select({
      message: 'Client',
      options: clients.map((choice) => ({ value: choice.slug, label: choice.name, hint: choice.slug })),
    });
    stop(client);
    answered.client = String(client);
  }
  if (!answered.workbook) {
    const workbook = await prompts.select({
      message: 'Workbook for this session',
      options: listWorkbooks(contentDir()).map((name) => ({ value: name, label: name })),
    });
    stop(workbook);
    answered.workbook = String(workbook);
  }
  if (!answered.date) {
    const date = await prompts.text({
      message: 'Session date (YYYY-MM-DD)',
      placeholder: new Date().toISOString().slice(0, 10),
      validate: (value) => (value && isCalendarDate(value.trim()) ? undefined : 'Please enter a real date as YYYY-MM-DD.'),
    });
    stop(date);
    answered.date = String(date).trim();
  }
  return answered;
}

let request = parsed.request;
const missing = missingFlags(request);
const interactive = missing.length > 0 && process.stdin.isTTY;
if (interactive) request = await ask(request);

const result = addSession(request);
for (const problem of result.problems) console.error(formatProblem(problem));
if (!result.ok) {
  if (missing.length > 0) console.error(USAGE);
  process.exit(1);
}

console.log(`Added a ${result.workbook} session on ${result.date} to ${result.file}`);
console.log(`First page of the session: ${result.sessionPath}`);
if (interactive) prompts.outro('Run npm start to see the workbook.');
if (parsed.json) console.log(JSON.stringify({ file: result.file, slug: result.slug, workbook: result.workbook, sessionPath: result.sessionPath }));
