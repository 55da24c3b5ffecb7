import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { makeSlug } from '../../src/lib/slug.ts';

/**
 * Generated content for tests and benchmarks: the shipped workbooks, a coach,
 * and any number of made-up clients whose names and evidence quotes are all
 * different, in several scripts, while their themes overlap as real ones do.
 */
export interface SyntheticClient {
  slug: string;
  name: string;
  evidence: string[];
}

const FIRST_NAMES = ['Søren', 'Aroha', 'Émilie', 'Ямина', '美玲', 'Kwabena', 'Hoang', 'Zainab', 'Ísold', 'Nnamdi', 'Łucja', 'Teodoro'];
// Every syllable has three letters, so no surname can hide inside another.
const SYLLABLES = ['vel', 'mor', 'qua', 'dar', 'sil', 'tha', 'bro', 'kes', 'lun', 'zar'];
const THEMES = [
  'Family',
  'Creativity',
  'Personal growth',
  'Autonomy',
  'Honesty',
  'Adventure',
  'Health',
  'Making an impact',
  'Friendship',
  'Security',
  'Faith',
  'Learning',
];

function surname(index: number): string {
  const digits = String(index).padStart(3, '0').split('').map(Number);
  const word = digits.map((digit) => SYLLABLES[digit]).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The made-up client number `index` (0 to 999). */
export function syntheticClient(index: number): Omit<SyntheticClient, 'slug'> & { themes: Array<{ name: string; evidence: string[] }> } {
  const last = surname(index);
  const name = `${FIRST_NAMES[index % FIRST_NAMES.length]} ${last}`;
  const themes = Array.from({ length: 8 + (index % 3) }, (_, i) => {
    const theme = THEMES[(index + i * 5) % THEMES.length] ?? 'Family';
    const evidence = i % 3 === 2 ? [] : [`On the ${last} farm I learned what ${theme.toLowerCase()} costs, story ${index}-${i}.`];
    return { name: theme, evidence };
  });
  // Duplicate theme names are a content error; keep the first of each.
  const seen = new Set<string>();
  const unique = themes.filter((theme) => (seen.has(theme.name) ? false : (seen.add(theme.name), true)));
  return { name, themes: unique, evidence: unique.flatMap((theme) => theme.evidence) };
}

/**
 * Writes a content folder with `count` clients and returns them. `dir` is
 * emptied first. Session dates spread over a month.
 */
export function writeSyntheticContent(dir: string, count: number, root: string = process.cwd()): SyntheticClient[] {
  if (count > 1000) throw new Error(`error: synthetic clients: count: expected at most 1000, found ${count}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'clients'), { recursive: true });
  cpSync(join(root, 'src', 'content', 'workbooks'), join(dir, 'workbooks'), { recursive: true });
  writeFileSync(join(dir, 'coach.yaml'), stringify({ name: 'Jordan Ellis', email: 'jordan@example.com', baseUrl: 'https://coach.example/workbooks' }));
  const clients: SyntheticClient[] = [];
  for (let index = 0; index < count; index += 1) {
    const client = syntheticClient(index);
    const slug = makeSlug(client.name);
    const day = String(1 + (index % 28)).padStart(2, '0');
    writeFileSync(
      join(dir, 'clients', `${slug}.yaml`),
      stringify({ name: client.name, sessionDate: `2026-11-${day}`, workbook: 'values', themes: client.themes }),
    );
    clients.push({ slug, name: client.name, evidence: client.evidence });
  }
  return clients;
}
