import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { createRequire } from 'node:module';
import { beforeEach, describe, expect, it } from 'vitest';
import LivingSheet from '../../src/components/print/LivingSheet.astro';
import NotesSheet from '../../src/components/print/NotesSheet.astro';
import RankSheet from '../../src/components/print/RankSheet.astro';
import ValueChainsSheet from '../../src/components/print/ValueChainsSheet.astro';
import GoalsSheet from '../../src/components/print/GoalsSheet.astro';
import GoalTensionsSheet from '../../src/components/print/GoalTensionsSheet.astro';
import LensSheet from '../../src/components/print/LensSheet.astro';
import { fillPack, movement } from '../../src/components/print/fill.ts';
import { hasAnswers, seedAnswers } from '../../src/stores/model.ts';
import { answersOf, value } from '../sample-answers.ts';
import { peekAnswers as readAnswers } from '../../src/stores/saved-answers.ts';
import { resetStorageEngine } from '../../src/stores/storage.ts';
import type { ClientView } from '../../src/lib/clients.ts';
import { ANSWERS_VERSION, type Answers } from '../../src/schemas/answers.ts';

const themes = [
  { id: 'creativity-1', name: 'Creativity', evidence: [] },
  { id: 'family-2', name: 'Family', evidence: [] },
  { id: 'health-3', name: 'Health', evidence: [] },
];
const session = { index: 0, workbook: 'values', date: '2026-12-03', path: '' };
const client = {
  slug: 'maya-abcdefghijklmnopqrstuvwx',
  name: 'Maya Okafor',
  greeting: 'Maya',
  sessionDate: '2026-12-03',
  workbook: 'values',
  sessions: [session],
  session,
  current: session,
  nextDate: undefined,
  themes,
  themeCountWarning: true,
  letter: undefined,
  coach: { name: 'Jordan Ellis', email: 'jordan@example.com', baseUrl: 'https://coach.example' },
  workbookUrl: 'https://coach.example/maya-abcdefghijklmnopqrstuvwx/',
} satisfies ClientView;
const page = { label: 'HW1', title: 'Sheet', optional: false };

// The sheets render on the server (Node); the answers go in in a browser, here jsdom's.
// jsdom ships no types of its own; this test needs only its window.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string, options: { url: string }) => { window: Window & typeof globalThis } };
const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://localhost/' });
Object.assign(globalThis, {
  window: dom.window,
  document: dom.window.document,
  localStorage: dom.window.localStorage,
  Node: dom.window.Node,
  HTMLElement: dom.window.HTMLElement,
  HTMLTemplateElement: dom.window.HTMLTemplateElement,
});

async function renderPack(): Promise<HTMLElement> {
  const container = await AstroContainer.create();
  const sheets = [ValueChainsSheet, RankSheet, LivingSheet, NotesSheet];
  const html = await Promise.all(sheets.map((sheet, index) => container.renderToString(sheet, { props: { client, page, id: `sheet-${index}` } })));
  document.body.innerHTML = `<article data-print-pack>${html.join('')}</article>`;
  return document.querySelector<HTMLElement>('[data-print-pack]')!;
}

function visibleText(root: HTMLElement): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof HTMLElement && (node.hidden || node.tagName === 'TEMPLATE')) return;
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    node.childNodes.forEach(walk);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ');
}

// Theme ids as the client view gives them; the label carries markup that must print as text.
const making = { ...value('Making things', 2, ['sketching', '<b>prototypes</b>'], 1, 8), id: 'creativity-1' };
const answers: Answers = answersOf(
  [making, { ...value('Family', 1, [], null, null), id: 'family-2' }],
  [
    { date: '2026-12-04', order: ['creativity-1', 'family-2'] },
    { date: '2026-12-06', order: ['family-2', 'creativity-1'] },
  ],
  'first line\nsecond line',
  1,
);

describe('the blank worksheets', () => {
  it('list every theme with room to write, and write-ins for the client’s own values', async () => {
    const pack = await renderPack();
    const text = visibleText(pack);
    for (const theme of themes) expect(text).toContain(theme.name);
    expect(text).toContain('Your own value');
    expect(pack.querySelectorAll('[data-blank] .ws-rule').length).toBeGreaterThan(20);
    // Ranking slots: one per theme plus two spare, for three days.
    expect(pack.querySelectorAll('.ws-slots tbody tr')).toHaveLength(themes.length + 2);
    // Ten numbers to circle on each living-score row.
    expect(pack.querySelector('.ws-scores .ws-scale')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('1 2 3 4 5 6 7 8 9 10');
  });
});

describe('filling in the answers', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('prints chains with the bold word in bold, the ranking as a numbered list and ratings as numbers', async () => {
    const pack = await renderPack();
    fillPack(pack, answers);
    const text = visibleText(pack);
    expect(text).not.toContain('Your own value');
    expect(text).toContain('Making things');
    expect(pack.querySelector('[data-filled="chains"] strong')?.textContent).toBe('<b>prototypes</b>');
    expect(pack.querySelector('[data-filled="chains"] b')).toBeNull();

    const ranking = [...pack.querySelectorAll('[data-filled="ranking"] li')].map((row) => row.textContent?.replace(/\s+/g, ' ').trim());
    expect(ranking).toEqual(['1 Family ▲ up 1 place', '2 Making things <b>prototypes</b> ▼ down 1 place']);
    expect(text).toContain('You ranked on 2 days, the first on 4 December.');

    const scores = [...pack.querySelectorAll('[data-filled="scores"] .ws-score__value')].map((cell) => cell.textContent);
    expect(scores).toEqual(['not yet rated', '8 / 10']);
    expect(pack.querySelector('[data-filled="scores"] .is-chosen')?.textContent).toBe('8');

    expect(pack.querySelector('[data-filled="notes"] [data-slot="text"]')?.textContent).toBe('first line\nsecond line');
  });

  it('keeps ruled lines for a value with no words yet', async () => {
    const pack = await renderPack();
    fillPack(pack, answers);
    const family = [...pack.querySelectorAll('[data-filled="chains"] li')].find((card) => card.textContent?.includes('Family'));
    expect(family?.querySelectorAll('.ws-rule')).toHaveLength(3);
  });
});

describe('reading the saved answers', () => {
  const slug = client.slug;
  const key = `workbook:${slug}:answers`;
  beforeEach(() => {
    resetStorageEngine();
    localStorage.clear();
  });

  it('starts from the coach’s themes when nothing is saved, and that counts as nothing written', () => {
    const read = readAnswers(slug, themes);
    expect(read).toEqual(seedAnswers(themes));
    expect(read.values.map((value) => [value.label, value.rank])).toEqual([
      ['Creativity', 1],
      ['Family', 2],
      ['Health', 3],
    ]);
    expect(hasAnswers(read)).toBe(false);
  });

  it('reads the store’s format', () => {
    localStorage.setItem(key, JSON.stringify({ version: ANSWERS_VERSION, data: answers }));
    expect(readAnswers(slug, themes)).toEqual(answers);
    expect(hasAnswers(answers)).toBe(true);
  });

  it('falls back to the themes for corrupt, foreign or unknown-version data, and never writes', () => {
    for (const raw of ['{not json', JSON.stringify({ version: 99, data: answers }), JSON.stringify({ version: ANSWERS_VERSION, data: { values: 'nope' } })]) {
      localStorage.setItem(key, raw);
      expect(readAnswers(slug, themes)).toEqual(seedAnswers(themes));
      expect(localStorage.getItem(key)).toBe(raw);
    }
  });

  it('describes how a value moved since the first day', () => {
    expect(movement(3, 0)).toBe('▲ up 3 places');
    expect(movement(0, 1)).toBe('▼ down 1 place');
    expect(movement(2, 2)).toBe('no change');
    expect(movement(-1, 4)).toBe('new since the first day');
  });
});

describe('the goals and the values lens on paper', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  async function renderGoalsPack(): Promise<HTMLElement> {
    const container = await AstroContainer.create();
    const goalsPage = { ...page, workbook: 'goals' };
    const html = await Promise.all(
      [GoalsSheet, GoalTensionsSheet, LensSheet].map((sheet, index) =>
        container.renderToString(sheet, { props: { client, page: goalsPage, id: `g-${index}` } }),
      ),
    );
    document.body.innerHTML = `<article data-print-pack>${html.join('')}</article>`;
    return document.querySelector<HTMLElement>('[data-print-pack]')!;
  }

  const withGoals: Answers = {
    ...answers,
    lens: [
      {
        id: 'l-1',
        createdAt: Date.UTC(2026, 11, 9, 12),
        text: 'Say yes to <i>the</i> offer',
        marks: { 'creativity-1': 'pulls', 'family-2': 'honours' },
        note: 'Late nights.',
      },
    ],
    workbooks: {
      ...answers.workbooks,
      goals: {
        notes: '',
        goals: [
          {
            id: 'g-1',
            text: 'Run a half marathon',
            firstStep: 'Buy shoes on Monday',
            honours: ['family-2'],
            pullsAgainst: ['creativity-1'],
            note: 'Run at lunch.',
          },
        ],
      },
    },
  };

  it('leave room to write by hand when blank', async () => {
    const text = visibleText(await renderGoalsPack());
    expect(text).toContain('The first step, and when I will take it');
    expect(text).toContain('The top value it pulls against');
    expect(text).toContain('Pulls against');
  });

  it('print each goal and lens entry with the values under their current names', async () => {
    const pack = await renderGoalsPack();
    fillPack(pack, withGoals);
    const text = visibleText(pack);
    expect(text).not.toContain('The first step, and when I will take it');
    expect(text).toContain('Goal 1 Run a half marathon First step: Buy shoes on Monday Honours: Family');
    expect(text).toContain('Pulls against: Making things Run at lunch.');
    expect(text).toContain('9 December 2026 Say yes to <i>the</i> offer');
    expect([...pack.querySelectorAll('[data-filled="lens"] li')].map((item) => item.textContent)).toEqual(['Family: honours', 'Making things: pulls against']);
    expect(pack.querySelector('[data-filled="lens"] i')).toBeNull();
  });

  it('say so when nothing is written yet', async () => {
    const pack = await renderGoalsPack();
    fillPack(pack, answers);
    const text = visibleText(pack);
    expect(text).toContain('No goals written yet.');
    expect(text).toContain('No entries in the values lens yet.');
  });
});
