import { describe, expect, it } from 'vitest';
import { ANSWERS_VERSION, answersFileSchema, type Answers } from '../../src/schemas/answers.ts';
import { checkAnswersFile } from '../../src/stores/import-file.ts';
import { seedAnswers } from '../../src/stores/model.ts';
import { describeChanges } from '../../src/stores/changes.ts';
import { exportFile, exportFileName } from '../../src/stores/transfer.ts';
import { formatProblem } from '../../src/schemas/problems.ts';

const SLUG = 'maya-y4185fjpwqev9y4j6fk69oit';
const NOW = Date.UTC(2026, 11, 5, 9, 30);
const answers: Answers = {
  ...seedAnswers([
    { id: 'creativity', name: 'Creativity' },
    { id: 'family', name: 'Family' },
    { id: 'health', name: 'Health' },
  ]),
  updatedAt: NOW - 60_000,
};
const good = exportFile(SLUG, answers, NOW);
const text = (value: unknown) => JSON.stringify(value);
const check = (body: string, size = body.length) => checkAnswersFile(body, 'answers.json', size, SLUG);
const message = (body: string, size?: number) => {
  const result = check(body, size);
  return result.ok ? 'accepted' : result.problems.map(formatProblem).join('\n');
};

describe('Download my answers', () => {
  it('writes a versioned file with the slug and a date, valid against the file schema', () => {
    expect(good).toMatchObject({ kind: 'coaching-workbook-answers', version: ANSWERS_VERSION, slug: SLUG, exportedAt: '2026-12-05T09:30:00.000Z' });
    expect(answersFileSchema.parse(good)).toEqual(good);
    expect(exportFileName(SLUG, NOW)).toBe('maya-answers-2026-12-05.json');
  });
});

describe('importing a file', () => {
  it('accepts a file downloaded from this workbook', () => {
    expect(check(text(good))).toEqual({ ok: true, file: good });
  });

  it('refuses hostile or wrong files with one line each, saying what and where', () => {
    const withValue = (patch: Record<string, unknown>) =>
      text({ ...good, data: { ...answers, values: [{ ...answers.values[0], ...patch }, ...answers.values.slice(1)] } });
    expect({
      wrongSlug: message(text({ ...good, slug: 'sam-zyxwvutsrqponmlkjihgf' })),
      huge: message('{}', 5_300_000),
      notJson: message('<html><body>hello</body></html>'),
      wrongKind: message(text({ ...good, kind: 'something-else' })),
      wrongType: message(withValue({ rating: 'ten' })),
      htmlLabel: message(withValue({ label: '<img src=x onerror=alert(1)>' })),
      htmlWord: message(withValue({ chain: [{ id: 'w-1', text: '<script>steal()</script>' }] })),
      protoKey: message(`{"__proto__":{"polluted":true},${text(good).slice(1)}`),
      extraField: message(text({ ...good, data: { ...answers, admin: true } })),
    }).toMatchInlineSnapshot(`
      {
        "extraField": "error: answers.json: data.admin: expected no such field (check its spelling), found true",
        "htmlLabel": "error: answers.json: data.values[0].label: expected plain text without HTML tags, found "<img src=x onerror=alert(1)>" (28 characters)",
        "htmlWord": "error: answers.json: data.values[0].chain[0].text: expected plain text without HTML tags, found "<script>steal()</script>" (24 characters)",
        "huge": "error: answers.json: (file): expected an answers file of at most 1 MB, found 5.3 MB",
        "notJson": "error: answers.json: (file): expected an answers file (JSON) downloaded from this workbook, found text that is not JSON",
        "protoKey": "error: answers.json: __proto__: expected no such field (check its spelling), found an object",
        "wrongKind": "error: answers.json: kind: expected a coaching workbook answers file, found "something-else"",
        "wrongSlug": "error: answers.json: slug: expected answers downloaded from this workbook, found answers from another workbook ("sam")",
        "wrongType": "error: answers.json: data.values[0].rating: expected a rating from 1 to 10, found "ten"",
      }
    `);
    expect({} as Record<string, unknown>).not.toHaveProperty('polluted');
  });

  it('tells the client in one plain sentence what happened and that nothing changed', () => {
    const plain = (body: string, size?: number) => {
      const result = check(body, size);
      return result.ok ? 'accepted' : result.message;
    };
    expect(plain(text({ ...good, slug: 'sam-zyxwvutsrqponmlkjihgf' }))).toBe('This file holds answers from a different workbook, so nothing was changed.');
    expect(plain('<html><body>hello</body></html>')).toBe(
      'This file is not a workbook answers file, so nothing was changed. Choose the file you saved with “Download my answers”.',
    );
    for (const refused of [
      plain('{}', 5_300_000),
      plain(text({ ...good, kind: 'x' })),
      plain(text({ ...good, data: { ...answers, values: [{ ...answers.values[0], label: '<b>x</b>' }, ...answers.values.slice(1)] } })),
    ]) {
      expect(refused).toMatch(/^[^\n]*nothing was changed\.[^\n]*$/);
      expect(refused).not.toMatch(/error:|JSON|slug|answers\.json|data\./);
    }
  });
});

describe('a coach theme that looks like markup', () => {
  it('is accepted in an import as the theme it is, while other markup is still refused', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const withTheme = exportFile(SLUG, { ...seedAnswers([{ id: 'img', name: hostile }]), updatedAt: NOW }, NOW);
    expect(checkAnswersFile(text(withTheme), 'answers.json', 100, SLUG, { themes: [{ id: 'img', name: hostile }] }).ok).toBe(true);
    expect(checkAnswersFile(text(withTheme), 'answers.json', 100, SLUG, { themes: [{ id: 'creativity', name: 'Creativity' }] }).ok).toBe(false);
  });
});

describe('the preview before an import', () => {
  it('lists what would change, in the client’s words', () => {
    const incoming: Answers = {
      ...answers,
      values: [
        { ...answers.values[0]!, label: 'Making things', chain: [...answers.values[0]!.chain, { id: 'w-1', text: 'sketching' }], rank: 2, rating: 7 },
        { ...answers.values[1]!, rank: 1 },
        { id: 'v-humor', label: 'Humor', chain: [], boldId: null, rank: 3, rating: null, origin: 'client' },
      ],
      workbooks: { values: { notes: 'Hello' } },
      history: [{ date: '2026-12-04', order: ['family', 'creativity', 'v-humor'] }],
      updatedAt: NOW - 3_600_000,
    };
    expect(describeChanges(answers, exportFile(SLUG, incoming, NOW))).toEqual([
      expect.stringMatching(/^This file is older than the answers in this browser: last changed 5 December 2026/),
      'Values added: Humor.',
      'Values that would go: Health.',
      'Values renamed: Creativity → Making things.',
      'Value chains: 3 words now, 3 words in the file.',
      'Ranking in the file: Family > Making things > Humor.',
      'Living scores: 0 of 3 rated now, 1 of 3 in the file.',
      'Notes: 0 characters now, 5 characters in the file.',
      'Ranking history: 0 days now, 1 day in the file.',
    ]);
    expect(describeChanges(answers, good)).toEqual([]);
  });
});
