import type { Answers } from '../schemas/answers.ts';
/** The goals the goals pages speak of: the `goals` workbook's own. Read here directly, to keep the home's script small. */
const goalsOf = (answers: Answers) => answers.workbooks.goals?.goals ?? [];

/** Where the client is with one piece of homework. */
export type HomeworkState = 'not-started' | 'in-progress' | 'done';

export const STATE_TEXT: Record<HomeworkState, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
};

/**
 * How each homework page's state follows from the answers, by the page's URL
 * segment. A workbook page with no entry here has no state to show.
 */
export const homeworkProgress: Record<string, (answers: Answers) => HomeworkState> = {
  /** Done when every value has its bold word marked; started once any chain grows past the value's name. */
  'value-chains': (answers) => {
    const { values } = answers;
    if (values.length > 0 && values.every((value) => value.boldId !== null)) return 'done';
    return values.some((value) => value.chain.length > 1 || value.boldId !== null || value.origin === 'client') ? 'in-progress' : 'not-started';
  },
  /** Done once the client has ranked on at least one day; coming back on other days is encouraged, not required. */
  rank: (answers) => (answers.history.length > 0 ? 'done' : 'not-started'),
  /** Done when every value has a living score. */
  living: (answers) => {
    const rated = answers.values.filter((value) => value.rating !== null).length;
    if (rated === 0) return 'not-started';
    return rated === answers.values.length ? 'done' : 'in-progress';
  },
  /** Done when there is a goal and every goal has its first step and at least one value it honours. */
  'your-goals': (answers) => {
    const goals = goalsOf(answers);
    if (goals.length === 0) return 'not-started';
    return goals.every((goal) => goal.firstStep !== '' && goal.honours.length > 0) ? 'done' : 'in-progress';
  },
  /**
   * Started once a goal is marked as pulling against a value or has a note; done
   * when every goal that pulls against a value says, in its note, what to do about it.
   */
  'against-the-grain': (answers) => {
    const goals = goalsOf(answers);
    const looked = goals.filter((goal) => goal.pullsAgainst.length > 0 || goal.note !== '');
    if (looked.length === 0) return 'not-started';
    return goals.every((goal) => goal.pullsAgainst.length === 0 || goal.note !== '') ? 'done' : 'in-progress';
  },
};

/**
 * Words that say more than the state, by page: the stack rank is worked on over
 * the week, so its line counts the days the client has ranked on instead of "Done".
 */
export const homeworkLabel: Record<string, (answers: Answers) => string | null> = {
  rank: (answers) => {
    const days = answers.history.length;
    return days === 0 ? null : `Ranked on ${days === 1 ? 'one day' : `${days} days`}`;
  },
  'your-goals': (answers) => {
    const count = goalsOf(answers).length;
    return count === 0 ? null : `${count === 1 ? 'One goal' : `${count} goals`} written`;
  },
};

export interface HomeworkItem {
  page: string;
  optional: boolean;
}

export interface ProgressSummary {
  states: Record<string, HomeworkState | null>;
  /** What to show for each item: its own words where it has them, else the state's. */
  labels: Record<string, string | null>;
  done: number;
  total: number;
  optionalDone: number;
  optionalTotal: number;
  /** "2 of 3 done", with the optional items counted apart. */
  text: string;
}

/** The state of every homework item, and the count of required items done. */
export function summarizeProgress(items: readonly HomeworkItem[], answers: Answers): ProgressSummary {
  const states: Record<string, HomeworkState | null> = {};
  const labels: Record<string, string | null> = {};
  let done = 0;
  let optionalDone = 0;
  for (const item of items) {
    const state = homeworkProgress[item.page]?.(answers) ?? null;
    states[item.page] = state;
    labels[item.page] = homeworkLabel[item.page]?.(answers) ?? (state ? STATE_TEXT[state] : null);
    if (state === 'done') {
      if (item.optional) optionalDone += 1;
      else done += 1;
    }
  }
  const total = items.filter((item) => !item.optional).length;
  const optionalTotal = items.length - total;
  const optionalText = optionalTotal === 0 ? '' : optionalTotal === 1 ? ', plus one optional extra' : `, plus ${optionalTotal} optional extras`;
  return { states, labels, done, total, optionalDone, optionalTotal, text: `${done} of ${total} done${optionalText}` };
}
