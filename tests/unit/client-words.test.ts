import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clientSchema } from '../../src/schemas/client.ts';
import type { Value } from '../../src/schemas/answers.ts';
import { themesYaml } from '../../src/share/client-words.ts';

const values: Value[] = [
  {
    id: 'creativity',
    label: 'Making things',
    chain: [
      { id: 'w-name', text: 'Making things' },
      { id: 'w1', text: 'prototypes # "late"' },
    ],
    boldId: 'w1',
    rank: 2,
    rating: 8,
    origin: 'coach',
  },
  { id: 'v-own', label: 'Quiet: mornings', chain: [], boldId: null, rank: 1, rating: null, origin: 'client' },
  { id: 'family', label: 'Family', chain: [{ id: 'w-name', text: 'Family' }], boldId: 'w-name', rank: 3, rating: null, origin: 'coach' },
];
const themes = [
  { id: 'creativity', name: 'Creativity', evidence: ["I lose track of time when I'm sketching."] },
  { id: 'family', name: 'Family', evidence: [] },
  { id: 'honesty', name: 'Honesty', evidence: ['dropped by the client'] },
];

describe('the themes block for the client file', () => {
  it('lists the client’s names in their order, with bold words as comments and the evidence carried over', () => {
    const text = themesYaml(values, themes, 'Maya');
    expect(text).toContain('  - name: "Making things" # in bold: "prototypes # \\"late\\""');
    const parsed = parse(text) as { themes: unknown[] };
    expect(parsed.themes).toEqual([
      { name: 'Quiet: mornings' },
      { name: 'Making things', evidence: ["I lose track of time when I'm sketching."] },
      { name: 'Family' },
    ]);
  });

  it('pastes into a client file that the content schema accepts', () => {
    const file = parse(`name: Maya Okafor\nsessionDate: "2026-12-03"\nworkbook: values\n${themesYaml(values, themes, 'Maya')}`) as unknown;
    const checked = clientSchema.safeParse(file);
    expect(checked.success, JSON.stringify(checked.error?.issues)).toBe(true);
  });
});
