import { describe, expect, it } from 'vitest';
import { parseStoredValues, themeValues } from '../../src/poster/browser/stored-values.ts';
import { fileStem } from '../../src/components/poster/ValuesPoster.tsx';

const stored = (values: unknown, version = 1) => JSON.stringify({ version, data: { values, history: [], notes: '', updatedAt: 1 } });
const value = (id: string, label: string, rank: number, words: string[], bold: number | null) => ({
  id,
  label,
  rank,
  rating: null,
  origin: 'client',
  chain: words.map((text, index) => ({ id: `${id}-${index}`, text })),
  boldId: bold === null ? null : `${id}-${bold}`,
});

describe('the values the poster reads', () => {
  it('are the stored values in rank order, each with the word marked bold', () => {
    const text = stored([value('a', 'Family', 2, ['dinners', 'home'], 1), value('b', 'Growth', 1, ['reading'], null), value('c', 'Calm', 3, ['sea'], 0)]);
    expect(parseStoredValues(text)).toEqual([
      { label: 'Growth', bold: null },
      { label: 'Family', bold: 'home' },
      { label: 'Calm', bold: 'sea' },
    ]);
  });

  it('are nothing when storage holds nothing usable, so the coach themes are shown', () => {
    expect(parseStoredValues(null)).toBeNull();
    expect(parseStoredValues('{not json')).toBeNull();
    expect(parseStoredValues(stored([value('a', 'Family', 1, [], null)], 2))).toBeNull();
    expect(parseStoredValues(stored([]))).toBeNull();
    expect(themeValues([{ id: 'x', name: 'Creativity' }])).toEqual([{ label: 'Creativity', bold: null }]);
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
