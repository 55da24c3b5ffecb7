import { describe, expect, it } from 'vitest';
import { fillLetter, letterHtml, type LetterValues } from '../../src/lib/letter.ts';

const values: LetterValues = {
  clientName: '<img src=x onerror=alert(1)> *Zoë* [x](javascript:alert(1))',
  clientFullName: 'Zoë O’Brien',
  coachName: 'Jordan Ellis',
  coachEmail: 'jordan@example.com',
  workbookUrl: 'https://coach.example/workbooks/zoe-abcdefghijklmnopqrstuvwx/',
  sessionDate: '3 December 2026',
  nextSessionDate: '17 December 2026',
};

describe('letter placeholders', () => {
  it('show hostile names as text, never as HTML, emphasis or links', () => {
    const html = letterHtml(fillLetter('Dear {{clientName}},\n\nFrom {{coachName}}', values, 'letter.md'));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<em>');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; *Zoë* [x](');
  });

  it('make the workbook address a real link', () => {
    const html = letterHtml(fillLetter('Open {{workbookUrl}}', values, 'letter.md'));
    expect(html).toContain(`<a href="${values.workbookUrl}">${values.workbookUrl}</a>`);
  });
});
