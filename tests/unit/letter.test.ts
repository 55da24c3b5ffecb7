import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild } from '../../scripts/lib/build.ts';
import { createFixtureProject } from '../../scripts/lib/fixture-project.ts';
import { checkContent } from '../../src/lib/content-check.ts';
import {
  buildLetter,
  fillLetter,
  LETTER_PLACEHOLDERS,
  letterMailto,
  letterProblems,
  letterText,
  MAILTO_MAX_LENGTH,
  mailtoHref,
  type LetterValues,
} from '../../src/lib/letter.ts';
import { formatProblem } from '../../src/schemas/problems.ts';

const values: LetterValues = {
  clientName: 'Zoë',
  clientFullName: 'Zoë Ωmega-Рыбакова',
  coachName: 'Jordan Ellis',
  coachEmail: 'jordan@example.com',
  workbookUrl: 'https://coach.example/workbooks/zoe-k2m9x4q7w1r8t5y3u6i0p2a4/',
  sessionDate: '10 December 2026',
  nextSessionDate: '17 December 2026',
};

/** Splits a mailto link into its decoded parameters, the way a mail app reads it. */
function mailtoParams(href: string): Record<string, string> {
  const query = href.slice(href.indexOf('?') + 1);
  return Object.fromEntries(
    query.split('&').map((pair) => {
      const [key, value] = pair.split('=');
      return [key!, decodeURIComponent(value!)];
    }),
  );
}

describe('letter placeholders', () => {
  it('renders every placeholder, and the workbook address as a real link', () => {
    const template = Object.keys(LETTER_PLACEHOLDERS)
      .map((name) => `${name}: {{${name}}}`)
      .join('\n\n');
    const letter = buildLetter(
      { body: template, bodyFile: 'letter.md', bodyField: '(body)', subject: 'Homework, {{ clientName }}', subjectFile: 'letter.md' },
      values,
    );

    for (const [name, value] of Object.entries(values)) expect(letter.text).toContain(`${name}: ${value}`);
    expect(letter.text).not.toMatch(/\{\{|\}\}/);
    expect(letter.html).not.toMatch(/\{\{|\}\}/);
    expect(letter.subject).toBe('Homework, Zoë');
    expect(letter.html).toContain(`<a href="${values.workbookUrl}">${values.workbookUrl}</a>`);
    expect(letter.html).toContain('Zoë Ωmega-Рыбакова');
  });

  it('renders the shipped template with nothing left unfilled', () => {
    const file = 'src/content/workbooks/values/letter.md';
    const source = readFileSync(file, 'utf8');
    const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
    const subject = /^subject: (.*)$/m.exec(source)?.[1] ?? '';
    const letter = buildLetter({ body, bodyFile: file, bodyField: '(body)', subject, subjectFile: file }, values);
    expect(letter.subject).toBe('Your values homework, Zoë');
    expect(letter.text.startsWith('Hi Zoë,')).toBe(true);
    expect(letter.text).toContain(values.workbookUrl);
    expect(letter.text).toMatch(/Warmly,\nJordan Ellis$/);
    expect(letter.html).toContain('Warmly,<br>Jordan Ellis');
  });

  it("fills the method's own {Name} and {Your Name} in a coach's override", () => {
    const body = 'Hi {Name},\n\nI loved learning more about all of your values and what makes you tick!\n\nBest,\n{Your Name}';
    const letter = buildLetter({ body, bodyFile: 'maya.yaml', bodyField: 'letter', subject: 'Homework, {Name}', subjectFile: 'letter.md' }, values);
    expect(letter.text).toBe('Hi Zoë,\n\nI loved learning more about all of your values and what makes you tick!\n\nBest,\nJordan Ellis');
    expect(letter.subject).toBe('Homework, Zoë');
  });

  it('keeps names as plain text: no HTML, no Markdown, no entities in the text', () => {
    const tricky = { ...values, clientName: '*Anna* & <Bo> [x](y)' };
    const markdown = fillLetter('Dear {{clientName}},', tricky, 'letter.md');
    expect(letterText(markdown)).toBe('Dear *Anna* & <Bo> [x](y),');
    const letter = buildLetter({ body: 'Dear {{clientName}},', bodyFile: 'letter.md', bodyField: '(body)', subject: 'Hi', subjectFile: 'letter.md' }, tricky);
    expect(letter.html).not.toContain('<em>');
    expect(letter.html).not.toContain('<Bo>');
    expect(letter.html).not.toContain('<a ');
  });

  it('writes lists and links out as plain text', () => {
    const text = letterText('Here:\n\n1. **One.** First\n2. Two\n\n- a [site](https://example.com)\n\nBye,\nMe');
    expect(text).toBe('Here:\n\n1. One. First\n2. Two\n\n- a site (https://example.com)\n\nBye,\nMe');
  });
});

describe('unknown placeholders', () => {
  it('fail with a message naming the file, the placeholder and the line', () => {
    expect(() => fillLetter('Dear {{clientNmae}},\n\nSee you on {{sessionDay}}.\n\n{{ signature }}', values, 'src/content/workbooks/values/letter.md'))
      .toThrowErrorMatchingInlineSnapshot(`
        [ContentError: error: src/content/workbooks/values/letter.md: (body): expected a known placeholder ({{clientName}}, {{clientFullName}}, {{coachName}}, {{coachEmail}}, {{workbookUrl}}, {{sessionDate}}, {{nextSessionDate}}, or the method's {Name} and {Your Name}), found an unfilled placeholder {{clientNmae}} on line 1 (did you mean {{clientName}}?)
        error: src/content/workbooks/values/letter.md: (body): expected a known placeholder ({{clientName}}, {{clientFullName}}, {{coachName}}, {{coachEmail}}, {{workbookUrl}}, {{sessionDate}}, {{nextSessionDate}}, or the method's {Name} and {Your Name}), found an unfilled placeholder {{sessionDay}} on line 3 (did you mean {{sessionDate}}?)
        error: src/content/workbooks/values/letter.md: (body): expected a known placeholder ({{clientName}}, {{clientFullName}}, {{coachName}}, {{coachEmail}}, {{workbookUrl}}, {{sessionDate}}, {{nextSessionDate}}, or the method's {Name} and {Your Name}), found an unfilled placeholder {{ signature }} on line 5]
      `);
  });

  it('catch an unclosed placeholder too', () => {
    expect(letterProblems('Dear {{clientName},\n', 'letter.md', '(body)').map(formatProblem)).toMatchInlineSnapshot(`
      [
        "error: letter.md: (body): expected a known placeholder ({{clientName}}, {{clientFullName}}, {{coachName}}, {{coachEmail}}, {{workbookUrl}}, {{sessionDate}}, {{nextSessionDate}}, or the method's {Name} and {Your Name}), with its braces closed, found an unclosed "{{clientName}," on line 1",
        "error: letter.md: (body): expected a known placeholder ({{clientName}}, {{clientFullName}}, {{coachName}}, {{coachEmail}}, {{workbookUrl}}, {{sessionDate}}, {{nextSessionDate}}, or the method's {Name} and {Your Name}), with its braces closed, found an unclosed "}," on line 1",
      ]
    `);
  });

  it('catch a placeholder left unfilled in any form, one line each', () => {
    const body = 'Hi {Client},\n\nSee you soon, {your name}.\n\n[Your Name]\n<Name>\n{{clientName}} {Name}';
    expect(letterProblems(body, 'maya.yaml', 'letter', 'letter line').map(formatProblem)).toMatchInlineSnapshot(`
      [
        "error: maya.yaml: letter: expected a known placeholder ({{clientName}}, {{clientFullName}}, {{coachName}}, {{coachEmail}}, {{workbookUrl}}, {{sessionDate}}, {{nextSessionDate}}, or the method's {Name} and {Your Name}), found an unfilled placeholder {Client} on letter line 1",
        "error: maya.yaml: letter: expected a known placeholder ({{clientName}}, {{clientFullName}}, {{coachName}}, {{coachEmail}}, {{workbookUrl}}, {{sessionDate}}, {{nextSessionDate}}, or the method's {Name} and {Your Name}), found an unfilled placeholder {your name} on letter line 3 (did you mean {Your Name}?)",
        "error: maya.yaml: letter: expected a known placeholder ({{clientName}}, {{clientFullName}}, {{coachName}}, {{coachEmail}}, {{workbookUrl}}, {{sessionDate}}, {{nextSessionDate}}, or the method's {Name} and {Your Name}), found an unfilled placeholder [Your Name] on letter line 5",
        "error: maya.yaml: letter: expected a known placeholder ({{clientName}}, {{clientFullName}}, {{coachName}}, {{coachEmail}}, {{workbookUrl}}, {{sessionDate}}, {{nextSessionDate}}, or the method's {Name} and {Your Name}), found an unfilled placeholder <Name> on letter line 6",
      ]
    `);
  });

  it('stop the build: the content check reports them in the template and in a client override', () => {
    const dir = mkdtempSync(join(tmpdir(), 'letter-check-'));
    try {
      cpSync('src/content', dir, { recursive: true });
      const letterFile = join(dir, 'workbooks', 'values', 'letter.md');
      writeFileSync(letterFile, readFileSync(letterFile, 'utf8').replace('{{coachName}}', '{{coachname}}'));
      const clientFile = join(dir, 'clients', 'maya-y4185fjpwqev9y4j6fk69oit.yaml');
      writeFileSync(clientFile, `${readFileSync(clientFile, 'utf8')}letter: |\n  Dear {{client}},\n  see you.\n`);

      const errors = checkContent(dir)
        .filter((problem) => problem.level === 'error')
        .map((problem) => ({ ...problem, file: problem.file.replace(dir, '<content>') }))
        .map(formatProblem);
      expect(errors).toHaveLength(2);
      expect(errors[0]).toMatch(
        /^error: <content>\/workbooks\/values\/letter\.md: \(body\): expected a known placeholder .*, found an unfilled placeholder \{\{coachname\}\} on line \d+ \(did you mean \{\{coachName\}\}\?\)$/,
      );
      expect(errors[1]).toMatch(
        /^error: <content>\/clients\/maya-y4185fjpwqev9y4j6fk69oit\.yaml: letter: expected a known placeholder .*, found an unfilled placeholder \{\{client\}\} on letter line 1/,
      );

      const lines = readFileSync(letterFile, 'utf8').split('\n');
      const line = Number(/on line (\d+)/.exec(errors[0]!)?.[1]);
      expect(lines[line - 1]).toContain('{{coachname}}');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stop `astro build` before any page is written', async () => {
    // A fixture project resolves packages from this one, so it lives in .tmp/.
    const dir = join('.tmp', `letter-build-${process.pid}`);
    try {
      const { root } = createFixtureProject(dir);
      const letterFile = join(root, 'src', 'content', 'workbooks', 'values', 'letter.md');
      writeFileSync(letterFile, readFileSync(letterFile, 'utf8').replace('{{workbookUrl}}', '{{workbookURL}}'));
      const build = astroBuild({ root });
      await expect(build).rejects.toThrow(
        /error: \.tmp\/letter-build-\d+\/src\/content\/workbooks\/values\/letter\.md: \(body\): expected a known placeholder .*, found an unfilled placeholder \{\{workbookURL\}\} on line \d+ \(did you mean \{\{workbookUrl\}\}\?\)/,
      );
      expect(existsSync(join(dir, 'dist'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('mailto', () => {
  it('survives non-Latin names and line breaks', () => {
    const subject = 'Домашнее задание · 家 · عربى · Zoë 🙂';
    const body = 'Dear Zoë Ωmega-Рыбакова,\n\n自由 & عربى: 100% yours?\nSee https://coach.example/a?b=c&d=e#f\n\nJordan';
    const href = mailtoHref(subject, body);

    expect(href.startsWith('mailto:?subject=')).toBe(true);
    expect(href).not.toMatch(/[\s\u0080-\uffff]/u);
    expect(href).toContain('%0D%0A%0D%0A');
    expect(href.split('&')).toHaveLength(2);
    const params = mailtoParams(href);
    expect(params.subject).toBe(subject);
    expect(params.body).toBe(body.replace(/\n/g, '\r\n'));
  });

  it('falls back to the subject alone when the letter is too long for a link', () => {
    const short = letterMailto('Hello', 'A short letter.');
    expect(short.complete).toBe(true);
    expect(mailtoParams(short.href).body).toBe('A short letter.');

    const long = letterMailto('Hello', 'Ж'.repeat(MAILTO_MAX_LENGTH));
    expect(long.complete).toBe(false);
    expect(long.href).toBe('mailto:?subject=Hello');
  });

  it('is addressed to the client when the client file gives an email', () => {
    expect(mailtoHref('Hi', 'Body', 'zoë+work@example.com')).toBe('mailto:zo%C3%AB%2Bwork@example.com?subject=Hi&body=Body');
    expect(letterMailto('Hi', 'Ж'.repeat(MAILTO_MAX_LENGTH), 'maya@example.com').href).toBe('mailto:maya@example.com?subject=Hi');
  });
});
