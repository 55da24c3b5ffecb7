// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fileStem } from '../../src/components/poster/ValuesPoster.tsx';
import { usePosterValues } from '../../src/components/poster/usePosterValues.ts';
import { moveValue } from '../../src/stores/ranking.ts';
import { addWord, toggleBold } from '../../src/stores/values.ts';
import { posterLayout } from '../../src/poster/layout.ts';
import { SLUG, startEachTestWithNoAnswers, THEMES } from './answers-setup.ts';

const slug = SLUG;
const themes = THEMES;

startEachTestWithNoAnswers();
afterEach(cleanup);

describe('the values the poster reads', () => {
  it('are the coach themes until the client ranks them, then follow the ranking and the bold words', () => {
    const { result } = renderHook(() => usePosterValues(slug, themes));
    expect(result.current).toEqual([
      { label: 'Creativity', bold: null },
      { label: 'Family', bold: null },
      { label: 'Health', bold: null },
    ]);
    act(() => {
      moveValue('health', 0);
      const added = addWord('family', 'Sunday dinners');
      if (!added.ok) throw new Error(added.reason);
      toggleBold('family', added.value);
    });
    expect(result.current).toEqual([
      { label: 'Health', bold: null },
      { label: 'Creativity', bold: null },
      { label: 'Family', bold: 'Sunday dinners' },
    ]);
  });

  it('leave out a bold word that only repeats the value name', () => {
    const layout = posterLayout({ values: [{ label: 'Family', bold: 'family' }, { label: 'Health', bold: 'running' }, { label: 'Calm' }] });
    expect(layout.shown).toEqual([
      { label: 'Family', bold: null },
      { label: 'Health', bold: 'running' },
      { label: 'Calm', bold: null },
    ]);
  });
});

describe('download file names', () => {
  it('are made from the client name in any script', () => {
    expect(fileStem('Maya Okafor')).toBe('maya-okafor');
    expect(fileStem('Zoë  Ó Briain')).toBe('zoë-ó-briain');
    expect(fileStem('山田 花子')).toBe('山田-花子');
    expect(fileStem('  ')).toBe('my');
  });
});
