import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { makeSlug } from '../../src/lib/slug.ts';

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

const NAMES = [
  'Zoë Ångström',
  'Анна Петрова',
  '美咲 山田',
  'ليلى حداد',
  'Kofi Mensah',
  'Łucja Nowak',
  'Ελένη Παππά',
  'Noa Levi',
  'Priya Nair',
  'Tomás Ó Briain',
];

/** Steps through THEMES that visit 9 different themes from any start (they share no factor with 18). */
const STRIDES = [2, 5, 7, 11, 13, 17, 1];

/**
 * The client file for synthetic client number `index`: a name and 9 themes in mixed scripts,
 * each with a quote. The first theme and the step between themes both depend on the index, so
 * no two of the first 126 clients have the same themes in the same order, as no two real
 * clients would, and a build draws one poster per client.
 */
export function syntheticClient(index: number): { slug: string; yaml: string } {
  const name = `${NAMES[index % NAMES.length]} ${index + 1}`;
  const stride = STRIDES[Math.floor(index / THEMES.length) % STRIDES.length] ?? 1;
  const themes = Array.from({ length: 9 }, (_, offset) => {
    const theme = THEMES[(index + offset * stride) % THEMES.length] ?? 'Creativity';
    return { name: theme, evidence: [`When I think about ${theme}, I think of the week everything clicked (${index + 1}.${offset + 1}).`] };
  });
  const day = String((index % 28) + 1).padStart(2, '0');
  const data = { name, sessionDate: `2026-11-${day}`, workbook: 'values', themes };
  return { slug: makeSlug(name), yaml: `# Synthetic client for benchmarks.\n${stringify(data)}` };
}

/**
 * Writes a content folder with `count` synthetic clients, the project's own coach
 * file and workbooks, for `CONTENT_DIR`. `dir` must be inside the project (CONTENT_DIR
 * is read relative to it). Returns the client slugs.
 */
export function writeSyntheticContent(dir: string, count: number, source: string = join(process.cwd(), 'src', 'content')): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'clients'), { recursive: true });
  cpSync(join(source, 'coach.yaml'), join(dir, 'coach.yaml'));
  cpSync(join(source, 'workbooks'), join(dir, 'workbooks'), { recursive: true });
  const slugs: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const client = syntheticClient(index);
    writeFileSync(join(dir, 'clients', `${client.slug}.yaml`), client.yaml);
    slugs.push(client.slug);
  }
  return slugs;
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
 * Writes a bare Astro project, the stack's own floor: the same Astro, MDX and React
 * integrations, and `pages` plain MDX pages with one React island each. `dir` must be
 * inside this project, whose node_modules the bare project then resolves packages
 * from (a symlinked node_modules outside it makes Vite treat Astro as external).
 * Returns its root.
 */
export function writeBareProject(dir: string, pages: number): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  mkdirSync(join(dir, 'src', 'components'), { recursive: true });
  // Astro decides what to bundle for prerendering from the declared dependencies, so name them, at this project's versions.
  const own = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const dependencies = Object.fromEntries(
    ['astro', '@astrojs/mdx', '@astrojs/react', 'react', 'react-dom'].map((name) => [name, own.dependencies[name] ?? '*']),
  );
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'bare-astro', private: true, type: 'module', dependencies }, null, 2)}\n`);
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport react from '@astrojs/react';\n\nexport default defineConfig({ integrations: [mdx(), react()], outDir: process.env.OUT_DIR ?? './dist', devToolbar: { enabled: false } });\n`,
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    `${JSON.stringify({ extends: 'astro/tsconfigs/strict', compilerOptions: { jsx: 'react-jsx', jsxImportSource: 'react' } }, null, 2)}\n`,
  );
  writeFileSync(join(dir, 'src', 'components', 'Counter.tsx'), COUNTER);
  for (let index = 0; index < pages; index += 1) {
    writeFileSync(
      join(dir, 'src', 'pages', `page-${index + 1}.mdx`),
      `---\ntitle: Page ${index + 1}\n---\nimport Counter from '../components/Counter.tsx';\n\n# Page ${index + 1}\n\nA plain page with some **Markdown**, a list and an island.\n\n- one\n- two\n- three\n\n<Counter client:load label="Count ${index + 1}" />\n`,
    );
  }
  return dir;
}

/**
 * Writes a bare Astro project that renders one MDX page, with one React island,
 * at `pages` URLs through a single dynamic route: the floor for a site that
 * renders one shared workbook for many clients. Like writeBareProject, `dir` must be inside this project.
 */
export function writeBareRouteProject(dir: string, pages: number): string {
  writeBareProject(dir, 0);
  mkdirSync(join(dir, 'src', 'shared'), { recursive: true });
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
