/**
 * The font files the live poster may load, found in node_modules at build time:
 * every subset, weight and style that `FAMILIES` ships for each family. The
 * Chinese, Japanese and Korean families come in about a hundred numbered
 * slices each, listed from the package's folder.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FAMILIES, type FamilyId } from '../../fonts.ts';

export interface PosterFontSource {
  /** The file's name in the poster font folder, as `fontFileName` gives it. */
  name: string;
  /** Where it is read from. */
  path: string;
}

const require = createRequire(import.meta.url);

/** Every poster font file, by its name in the folder. */
export function posterFontSources(): Map<string, PosterFontSource> {
  const found = new Map<string, PosterFontSource>();
  for (const [family, spec] of Object.entries(FAMILIES) as Array<[FamilyId, (typeof FAMILIES)[FamilyId]]>) {
    const folder = join(dirname(require.resolve(`${spec.pkg}/package.json`)), 'files');
    const id = spec.pkg.replace('@fontsource/', '');
    const styles = spec.italic ? ['normal', 'italic'] : ['normal'];
    const names = new Set<string>();
    if (spec.subsets === 'numbered') {
      const pattern = new RegExp(`^${id}-\\d+-(\\d+)-(normal|italic)\\.woff2$`);
      for (const name of readdirSync(folder)) {
        const match = pattern.exec(name);
        if (match && (spec.weights as readonly number[]).includes(Number(match[1])) && styles.includes(match[2] ?? '')) names.add(name);
      }
    } else {
      for (const subset of spec.subsets) {
        for (const weight of spec.weights) for (const style of styles) names.add(`${id}-${subset}-${weight}-${style}.woff2`);
      }
    }
    for (const name of names) {
      const path = join(folder, name);
      if (!existsSync(path)) throw new Error(`error: ${path}: (${family}): expected a font file the poster ships, found none`);
      found.set(name, { name, path });
    }
  }
  return found;
}
