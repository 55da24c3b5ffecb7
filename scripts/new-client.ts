import * as prompts from '@clack/prompts';
import { isCalendarDate } from '../src/schemas/dates.ts';
import { MAX_THEME_LENGTH } from '../src/schemas/client.ts';
import { createClient, formatProblem, parseFlags, USAGE, type ClientAnswers } from './lib/new-client.ts';
import { flagsOrExit } from './lib/cli-flags.ts';

// `npm run new-client`: asks for a client (or reads flags), checks it like the build does, writes the file.
const parsed = flagsOrExit(parseFlags(process.argv.slice(2)), USAGE);

async function ask(): Promise<ClientAnswers> {
  prompts.intro('New client');
  const stop = (value: unknown): void => {
    if (prompts.isCancel(value)) {
      prompts.cancel('Cancelled. Nothing was written.');
      process.exit(1);
    }
  };
  const name = await prompts.text({
    message: "Client's full name",
    placeholder: 'Maya Okafor',
    validate: (value) => (value && value.trim() !== '' ? undefined : 'Please enter a name.'),
  });
  stop(name);
  const themes: string[] = [];
  prompts.log.info('Themes from the Discovery Doc, one at a time (the method asks for at least 8-10). Leave empty to finish.');
  for (;;) {
    const theme = await prompts.text({
      message: `Theme ${themes.length + 1}`,
      validate: (value) =>
        value && [...value.trim()].length > MAX_THEME_LENGTH
          ? `At most ${MAX_THEME_LENGTH} characters, please.`
          : themes.length === 0 && !value?.trim()
            ? 'Please enter at least one theme.'
            : undefined,
    });
    stop(theme);
    const text = String(theme ?? '').trim();
    if (text === '') break;
    themes.push(text);
  }
  const date = await prompts.text({
    message: 'Session date (YYYY-MM-DD)',
    placeholder: new Date().toISOString().slice(0, 10),
    validate: (value) => (value && isCalendarDate(value.trim()) ? undefined : 'Please enter a real date as YYYY-MM-DD.'),
  });
  stop(date);
  return { name: String(name).trim(), themes, date: String(date).trim() };
}

let answers = parsed.answers;
if (parsed.empty) {
  if (!process.stdin.isTTY) {
    console.error('error: new-client: (arguments): expected --name, --theme and --date flags, or a terminal to ask in, found neither');
    console.error(USAGE);
    process.exit(1);
  }
  answers = await ask();
}

const result = createClient(answers);
for (const problem of result.problems) console.error(formatProblem(problem));
if (!result.ok) process.exit(1);

console.log(`Wrote ${result.file}`);
console.log(`Workbook: ${result.workbookUrl ?? result.workbookPath}`);
console.log(`Session guide: /coach/${result.slug}/guide/`);
if (parsed.empty) prompts.outro('Run npm start to see the workbook.');
if (parsed.json) console.log(JSON.stringify({ file: result.file, slug: result.slug, workbookPath: result.workbookPath }));
