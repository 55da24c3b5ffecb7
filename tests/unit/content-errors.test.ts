import { describe, expect, it } from 'vitest';
import { checkClient } from '../../src/lib/content-check.ts';
import { formatProblem } from '../../src/schemas/problems.ts';
import { clientSessions } from '../../src/schemas/client.ts';

const themes = ['Creativity', 'Family', 'Growth', 'Autonomy', 'Honesty', 'Adventure', 'Health', 'Impact', 'Friendship'];
const good = { name: 'Maya Okafor', sessionDate: '2026-12-03', workbook: 'values', themes };
const file = 'src/content/clients/maya-abcdefghijklmnopqrstuvwx.yaml';
const BOTH = ['goals', 'values'];
const twoSessions = {
  name: 'Maya Okafor',
  sessions: [
    { workbook: 'values', date: '2026-12-03' },
    { workbook: 'goals', date: '2026-12-10' },
  ],
  themes,
};

function lines(input: unknown, workbooks: string[] = ['values']): string[] {
  return checkClient(input, file, workbooks, 'maya-abcdefghijklmnopqrstuvwx').problems.map(formatProblem);
}

describe('client content checks', () => {
  it('accepts a well-formed client with nine themes', () => {
    expect(lines(good)).toEqual([]);
  });

  it('accepts names and themes in any script, with apostrophes and emoji', () => {
    const input = { ...good, name: "Zoë O'Brien-Łukasz", themes: [...themes.slice(0, 7), 'Семья 家族', 'عربى ✨'] };
    expect(lines(input)).toEqual([]);
  });

  it.each([
    ['no name', { ...good, name: undefined }],
    ['an empty name', { ...good, name: '   ' }],
    ['no themes', { ...good, themes: undefined }],
    ['an empty theme list', { ...good, themes: [] }],
    ['duplicate themes, ignoring case and spaces', { ...good, themes: [...themes.slice(0, 8), 'personal  growth', 'Personal Growth'] }],
    ['a malformed email', { ...good, coach: { email: 'jordan-at-example' } }],
    ['an invalid session date', { ...good, sessionDate: '2026-13-45' }],
    ['a date that is not a date', { ...good, sessionDate: 'next Tuesday' }],
    ['an unknown workbook', { ...good, workbook: 'goals' }],
    ['a theme longer than 60 characters', { ...good, themes: [...themes.slice(0, 8), 'A'.repeat(61)] }],
    ['a misspelt field', { ...good, sesionDate: '2026-12-03' }],
    ['a theme with a wrong type', { ...good, themes: [...themes.slice(0, 8), 42] }],
    ['sessions beside sessionDate and workbook', { ...good, sessions: [{ workbook: 'values', date: '2026-12-03' }] }],
    [
      'a session date that is not a real date',
      {
        ...twoSessions,
        sessions: [
          { workbook: 'values', date: '2026-12-03' },
          { workbook: 'goals', date: '2026-02-30' },
        ],
      },
      BOTH,
    ],
    [
      'sessions out of order',
      {
        ...twoSessions,
        sessions: [
          { workbook: 'values', date: '2026-12-10' },
          { workbook: 'goals', date: '2026-12-03' },
        ],
      },
      BOTH,
    ],
    [
      'the same workbook twice',
      {
        ...twoSessions,
        sessions: [
          { workbook: 'values', date: '2026-12-03' },
          { workbook: 'values', date: '2026-12-10' },
        ],
      },
    ],
    [
      'a session with an unknown workbook',
      {
        ...twoSessions,
        sessions: [
          { workbook: 'values', date: '2026-12-03' },
          { workbook: 'careers', date: '2026-12-10' },
        ],
      },
      BOTH,
    ],
    ['a session without a date', { ...twoSessions, sessions: [{ workbook: 'values', date: '2026-12-03' }, { workbook: 'goals' }] }, BOTH],
    ['an empty list of sessions', { ...twoSessions, sessions: [] }],
    ['neither sessionDate nor sessions', { name: 'Maya Okafor', themes }],
  ])('reports %s as one line', (_case, input, workbooks?: string[]) => {
    const found = lines(input, workbooks);
    expect(found.length).toBeGreaterThan(0);
    for (const line of found) expect(line).not.toContain('\n');
    expect(found).toMatchSnapshot();
  });

  it('accepts a file of several sessions in order, and reads the single-session form as one session', () => {
    expect(lines(twoSessions, ['goals', 'values'])).toEqual([]);
    expect(
      lines(
        {
          ...twoSessions,
          sessions: [
            { workbook: 'values', date: '2026-12-03' },
            { workbook: 'goals', date: '2026-12-03' },
          ],
        },
        ['goals', 'values'],
      ),
    ).toEqual([]);
    const single = checkClient({ ...good, workbook: undefined }, file, ['values']).data;
    expect(single && clientSessions(single)).toEqual([{ workbook: 'values', date: '2026-12-03' }]);
    const several = checkClient(twoSessions, file, ['goals', 'values']).data;
    expect(several && clientSessions(several)).toEqual(twoSessions.sessions);
  });

  it('warns, without failing, when there are fewer than 8 themes, and not when there are more than 10', () => {
    const few = checkClient({ ...good, themes: themes.slice(0, 3) }, file, ['values']).problems;
    expect(few.map((problem) => problem.level)).toEqual(['warning']);
    expect(few.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "warning: src/content/clients/maya-abcdefghijklmnopqrstuvwx.yaml: themes: expected at least 8 themes (the method asks for at least 8-10), found 3 themes",
      ]
    `);
    const many = [...themes, 'Joy', 'Peace', 'Courage', 'Play', 'Rest', 'Faith', 'Home'].slice(0, 12);
    expect(many).toHaveLength(12);
    expect(checkClient({ ...good, themes: many }, file, ['values']).problems).toEqual([]);
  });

  it('refuses a client file whose name is not a private slug', () => {
    expect(checkClient(good, 'src/content/clients/maya.yaml', ['values'], 'maya').problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "error: src/content/clients/maya.yaml: (file name): expected a private slug like maya-<20 or more random a-z0-9>; create clients with npm run new-client, found "maya"",
      ]
    `);
  });

  it('keeps hostile text as data in messages', () => {
    const found = lines({ ...good, sessionDate: '<img src=x onerror=alert(1)>' });
    expect(found).toEqual([
      `error: ${file}: sessionDate: expected a real calendar date written as YYYY-MM-DD, found "<img src=x onerror=alert(1)>" (28 characters)`,
    ]);
  });
});
