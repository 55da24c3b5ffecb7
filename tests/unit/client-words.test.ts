import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clientSchema } from '../../src/schemas/client.ts';
import { themeId } from '../../src/lib/slug.ts';
import type { Value } from '../../src/schemas/answers.ts';
import { themesYaml } from '../../src/share/client-words.ts';
import { value } from '../sample-answers.ts';

// The client renamed Creativity and gave it a bold word, added a value of their own at the top, and kept Family.
const values: Value[] = [
  value('Making things', 2, ['Making things', 'prototypes # "late"'], 1, 8, 'coach', 'Creativity'),
  value('Quiet: mornings', 1, [], null, null, 'client'),
  value('Family', 3, ['Family'], 0, null),
];
const themes = [
  { id: themeId('Creativity'), name: 'Creativity', evidence: ["I lose track of time when I'm sketching."] },
  { id: themeId('Family'), name: 'Family', evidence: [] },
  { id: themeId('Honesty'), name: 'Honesty', evidence: ['dropped by the client'] },
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
