import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { makeSlug } from '../../src/lib/slug.ts';

/**
 * Generated content for tests and benchmarks: the project's coach file and
 * workbooks, and any number of made-up clients. Names and evidence quotes are
 * all different (no client's text is found inside another's), and the themes,
 * in many scripts, come in a different list for each client, as real ones do.
 */
export interface SyntheticClient {
  slug: string;
  name: string;
  themes: { name: string; evidence: string[] }[];
  /** Every evidence quote of the client, in theme order. */
  evidence: string[];
  /** The client file. */
  yaml: string;
}

const FIRST_NAMES = ['Søren', 'Aroha', 'Émilie', 'Ямина', '美玲', 'Kwabena', 'Hoang', 'Zainab', 'Ísold', 'Nnamdi', 'Łucja', 'Teodoro'];
// Every syllable has three letters and every surname three syllables, so no surname can hide inside another.
const SYLLABLES = ['vel', 'mor', 'qua', 'dar', 'sil', 'tha', 'bro', 'kes', 'lun', 'zar'];

/** Theme names in many scripts, so generated clients exercise every font fallback the real ones might. */
const THEMES = [
  'Creativity',
  'Família',
  'Свобода',
  '家族',
  'العائلة',
  'Personal growth Ω',
  'Honesty 🙂',
  'Aventura',
  'Здоровье',
  '正直',
  'Making an impact',
  'Amitié',
  'Ανάπτυξη',
  'שלום',
  'Gerechtigkeit',
  'चिंतन',
  'Sjálfstæði',
  '自由',
];

/** Steps through THEMES that visit 9 different themes from any start (they share no factor with 18). */
const STRIDES = [2, 5, 7, 11, 13, 17, 1];

/** The most clients a content folder can have: the surnames run out after 1000. */
export const MAX_SYNTHETIC_CLIENTS = 1000;

function surname(index: number): string {
  const word = String(index)
    .padStart(3, '0')
    .split('')
    .map((digit) => SYLLABLES[Number(digit)])
    .join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Synthetic client number `index` (0 to 999): a name and 9 themes, each but every third with a
 * quote. The first theme and the step between themes both depend on the index, so no two of the
 * first 126 clients have the same themes in the same order, and a build draws one poster per client.
 */
export function syntheticClient(index: number, sessions: 1 | 2 = 1): SyntheticClient {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_SYNTHETIC_CLIENTS)
    throw new Error(`error: synthetic clients: index: expected a whole number from 0 to ${MAX_SYNTHETIC_CLIENTS - 1}, found ${index}`);
  const last = surname(index);
  const name = `${FIRST_NAMES[index % FIRST_NAMES.length]} ${last}`;
  const stride = STRIDES[Math.floor(index / THEMES.length) % STRIDES.length] ?? 1;
  const themes = Array.from({ length: 9 }, (_, offset) => {
    const theme = THEMES[(index + offset * stride) % THEMES.length] ?? 'Creativity';
    const evidence = offset % 3 === 2 ? [] : [`On the ${last} farm I learned what ${theme} is worth, story ${index + 1}.${offset + 1}.`];
    return { name: theme, evidence };
  });
  const day = String((index % 28) + 1).padStart(2, '0');
  // Two sessions: the values session, then the goals session a month later.
  const when =
    sessions === 1
      ? { sessionDate: `2026-11-${day}`, workbook: 'values' }
      : {
          sessions: [
            { workbook: 'values', date: `2026-11-${day}` },
            { workbook: 'goals', date: `2026-12-${day}` },
          ],
        };
  const yaml = `# Synthetic client for tests and benchmarks.\n${stringify({ name, ...when, themes })}`;
  return { slug: makeSlug(name), name, themes, evidence: themes.flatMap((theme) => theme.evidence), yaml };
}

/**
 * Writes a content folder with `count` synthetic clients and the coach file and
 * workbooks of the project at `root`, and returns the clients. `dir` is emptied
 * first; it is usually the content folder of a fixture project (scripts/lib/fixture-project.ts).
 * With `sessions: 2` every client has the values session and then the goals session.
 */
export function writeSyntheticContent(dir: string, count: number, root: string = process.cwd(), sessions: 1 | 2 = 1): SyntheticClient[] {
  if (count > MAX_SYNTHETIC_CLIENTS) throw new Error(`error: synthetic clients: count: expected at most ${MAX_SYNTHETIC_CLIENTS}, found ${count}`);
  const source = join(root, 'src', 'content');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'clients'), { recursive: true });
  cpSync(join(source, 'coach.yaml'), join(dir, 'coach.yaml'));
  cpSync(join(source, 'workbooks'), join(dir, 'workbooks'), { recursive: true });
  const clients = Array.from({ length: count }, (_, index) => syntheticClient(index, sessions));
  for (const client of clients) writeFileSync(join(dir, 'clients', `${client.slug}.yaml`), client.yaml);
  return clients;
}

const COUNTER = `import { useState } from 'react';

export default function Counter({ label }: { label: string }) {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount(count + 1)}>
      {label}: {count}
    </button>
  );
}
`;

/**
 * The Astro settings this project builds with (astro.config.mjs), for the bare project.
 * Kept beside it by hand: tests/unit/bench.test.ts checks the two agree.
 */
export const SHARED_ASTRO_SETTINGS = `{
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  security: { csp: { directives: ["worker-src 'self' blob:"] } },
  devToolbar: { enabled: false },
  markdown: { syntaxHighlight: false },
}`;

/**
 * Writes a bare Astro project that renders one MDX page, with one React island, at `pages`
 * URLs through a single dynamic route: the floor for a site that renders one shared workbook
 * for many clients. It has the same Astro, MDX and React packages and Astro settings as this
 * project. `dir` must be inside this project, whose node_modules the bare project then
 * resolves packages from (a symlinked node_modules outside it makes Vite treat Astro as
 * external). Returns its root.
 */
export function writeBareRouteProject(dir: string, pages: number): string {
  rmSync(dir, { recursive: true, force: true });
  for (const folder of ['pages', 'components', 'shared']) mkdirSync(join(dir, 'src', folder), { recursive: true });
  // Astro decides what to bundle for prerendering from the declared dependencies, so name them, at this project's versions.
  const own = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const dependencies = Object.fromEntries(
    ['astro', '@astrojs/mdx', '@astrojs/react', 'react', 'react-dom'].map((name) => [name, own.dependencies[name] ?? '*']),
  );
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'bare-astro', private: true, type: 'module', dependencies }, null, 2)}\n`);
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport react from '@astrojs/react';\n\nexport default defineConfig({ ...${SHARED_ASTRO_SETTINGS}, integrations: [mdx(), react()] });\n`,
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    `${JSON.stringify({ extends: 'astro/tsconfigs/strict', compilerOptions: { jsx: 'react-jsx', jsxImportSource: 'react' } }, null, 2)}\n`,
  );
  writeFileSync(join(dir, 'src', 'components', 'Counter.tsx'), COUNTER);
  writeFileSync(
    join(dir, 'src', 'shared', 'page.mdx'),
    `import Counter from '../components/Counter.tsx';\n\nA plain page with some **Markdown**, a list and an island.\n\n- one\n- two\n- three\n\n<Counter client:load label={props.label} />\n`,
  );
  writeFileSync(
    join(dir, 'src', 'pages', '[page].astro'),
    `---\nimport Page from '../shared/page.mdx';\n\nexport function getStaticPaths() {\n  return Array.from({ length: ${pages} }, (_, index) => ({ params: { page: \`page-\${index + 1}\` }, props: { index: index + 1 } }));\n}\n\nconst { index } = Astro.props;\n---\n\n<h1>Page {index}</h1>\n<Page label={\`Count \${index}\`} />\n`,
  );
  return dir;
}
