import { describe, expect, it } from 'vitest';
import { bySession, foldName, nameMatches } from '../../src/lib/coach-dashboard.ts';
import { FOLLOW_UPS, promptText, themeInSentence, themePrompt } from '../../src/lib/session.ts';

describe('the theme prompt', () => {
  it('fills the theme into the opening question, as it reads mid-sentence', () => {
    expect(promptText(themePrompt('Creativity'))).toBe(
      'I could tell from several of your answers that creativity is important to you. What is important to you about that?',
    );
    expect(themePrompt('Personal growth')).toEqual({
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

  it('has the four follow-ups of the method', () => {
    expect(FOLLOW_UPS).toEqual([
      'What else?',
      'What does your ideal version of this look like?',
      'What excites you most about it?',
      'How does it play a role in your work today?',
    ]);
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
