import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative, resolve } from 'node:path';

/** This repository's root: the project whose pages, components and settings every fixture project uses. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface FixtureProject {
  /** The project folder, to pass to `astroBuild({ root })` or to run a CLI in. */
  root: string;
  /** Its content folder (clients, coach.yaml, workbooks). */
  content: string;
}

function posix(path: string): string {
  return path.split('\\').join('/');
}

/**
 * Writes the Astro config of a fixture project at `dir`: the repository's own config, with its
 * pages, components and public files, but the content in `dir/src/content` and the build in
 * `dir/dist`. Astro's glob loaders read `./src/content` against the project root, and the
 * project keeps its own `.astro/` and cache, so builds of different fixtures never share files.
 * `dir` must be inside the repository, whose node_modules the project resolves packages from.
 */
export function writeFixtureConfig(dir: string): void {
  const root = resolve(dir);
  const toRepo = posix(relative(root, REPO_ROOT)) || '.';
  mkdirSync(root, { recursive: true });
  writeFileSync(
    join(root, 'astro.config.mjs'),
    `// A fixture project: this repository's site, built from the content in ./src/content.
import config from '${toRepo}/astro.config.mjs';

export default { ...config, srcDir: '${toRepo}/src', publicDir: '${toRepo}/public', outDir: './dist' };
`,
  );
}

/**
 * Makes a fresh fixture project at `dir` (emptied first) for a test or benchmark that writes content
 * of its own. With `copyContent`, its content starts as a copy of the repository's (coach, workbooks
 * and sample client); otherwise it starts empty.
 */
export function createFixtureProject(dir: string, { copyContent = true }: { copyContent?: boolean } = {}): FixtureProject {
  const root = resolve(dir);
  rmSync(root, { recursive: true, force: true });
  writeFixtureConfig(root);
  const content = join(root, 'src', 'content');
  if (copyContent) cpSync(join(REPO_ROOT, 'src', 'content'), content, { recursive: true });
  else mkdirSync(content, { recursive: true });
  return { root, content };
}
