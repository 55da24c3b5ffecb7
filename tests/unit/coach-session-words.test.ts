import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bySession, foldName, nameMatches } from '../../src/lib/coach-dashboard.ts';
import { fillTheme, promptText, themeInSentence, themeMarkProblem } from '../../src/lib/session.ts';
import { workbookPageSchema } from '../../src/schemas/workbook-page.ts';
import { checkContent } from '../../src/lib/content-check.ts';
import { formatProblem } from '../../src/schemas/problems.ts';

/** The values guide's frontmatter, where the coach keeps the session's words. */
function guideWords(): { prompts: string[]; followUps: string[] } {
  const source = readFileSync('src/content/workbooks/values/guide.mdx', 'utf8');
  const data = workbookPageSchema.parse(parseYaml(/^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? ''));
  return { prompts: data.prompts ?? [], followUps: data.followUps ?? [] };
}

describe('the theme prompt', () => {
  it("fills the theme into the method's opening question, as it reads mid-sentence", () => {
    const [prompt] = guideWords().prompts;
    expect(promptText(fillTheme(prompt!, 'Creativity'))).toBe(
      'I could tell from several of your answers that creativity is important to you. What is important to you about that?',
    );
    expect(fillTheme(prompt!, 'Personal growth')).toEqual({
      before: 'I could tell from several of your answers that ',
      theme: 'personal growth',
      after: ' is important to you. What is important to you about that?',
    });
  });

  it('leaves acronyms, names in scripts without case, and already-lowercase themes alone', () => {
    expect(themeInSentence('NGO work')).toBe('NGO work');
    expect(themeInSentence('自由 (freedom)')).toBe('自由 (freedom)');
    expect(themeInSentence('family')).toBe('family');
    expect(themeInSentence('Ясность')).toBe('ясность');
  });

  it("has the method's four follow-ups, with the theme filled in where the method has its XYZ", () => {
    expect(guideWords().followUps.map((question) => promptText(fillTheme(question, 'Personal growth')))).toEqual([
      'What else?',
      'What does your ideal version of this look like?',
      'What excites you most about personal growth?',
      'How does this play a role in your work today?',
    ]);
  });

  it('refuses a prompt without {theme}, a misspelt mark, or an unclosed brace', () => {
    expect(themeMarkProblem('Tell me about {theme}.', true)).toBeNull();
    expect(themeMarkProblem('What else?', false)).toBeNull();
    expect(themeMarkProblem('What else?', true)).toBe('no {theme}');
    expect(themeMarkProblem('Why {Theme}?', false)).toBe('an unknown mark {Theme}');
    expect(themeMarkProblem('Why {theme?', true)).toBe('an unclosed brace');
    expect(themeMarkProblem('{theme} and {theme}', true)).toBe('{theme} 2 times');
  });
});

describe('the dashboard', () => {
  it('finds clients by any part of their name, ignoring case and accents', () => {
    expect(foldName('  Zoë   Ωmega ')).toBe('zoe ωmega');
    expect(nameMatches('Zoë Ωmega-Рыбакова', 'zoe')).toBe(true);
    expect(nameMatches('Zoë Ωmega-Рыбакова', 'рыб')).toBe(true);
    expect(nameMatches('Maya Okafor', 'okafor maya')).toBe(true);
    expect(nameMatches('Maya Okafor', 'may oko')).toBe(false);
    expect(nameMatches('Maya Okafor', '   ')).toBe(true);
  });

  it('puts the next session first, then past sessions, most recent first', () => {
    const clients = [
      { name: 'Past long ago', sessionDate: '2026-01-10' },
      { name: 'Later', sessionDate: '2026-12-20' },
      { name: 'Today', sessionDate: '2026-11-25' },
      { name: 'Last week', sessionDate: '2026-11-18' },
      { name: 'Next week', sessionDate: '2026-12-02' },
    ];
    expect(bySession(clients, '2026-11-25').map((client) => `${client.name}${client.upcoming ? '' : ' (past)'}`)).toEqual([
      'Today',
      'Next week',
      'Later',
      'Last week (past)',
      'Past long ago (past)',
    ]);
  });
});

describe("the guide's session words in the content check", () => {
  it('stop the build with one line naming the file and the line of the list', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guide-words-'));
    try {
      cpSync('src/content', dir, { recursive: true });
      const guide = join(dir, 'workbooks', 'values', 'guide.mdx');
      writeFileSync(guide, readFileSync(guide, 'utf8').replace('What excites you most about {theme}?', 'What excites you most about {Theme}?'));
      const errors = checkContent(dir)
        .filter((problem) => problem.level === 'error')
        .map((problem) => formatProblem({ ...problem, file: problem.file.replace(dir, '<content>') }));
      expect(errors).toEqual([
        'error: <content>/workbooks/values/guide.mdx: followUps[2]: expected a follow-up question with at most one {theme} and no other {…} mark (this one has an unknown mark {Theme}), found "What excites you most about {Theme}?" (36 characters)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
