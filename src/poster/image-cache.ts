/**
 * The images a build draws (posters, link previews, app icons), kept between
 * builds like Astro keeps its optimised images: a rebuild after a coach adds
 * one client draws one poster, not all of them. An entry is found by a hash of
 * what was asked for and of everything that shapes the picture: the drawing
 * code in this folder, the icon, and the versions of Satori, resvg, the fonts
 * and the emoji. Change any of them and every image is drawn afresh.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAMILIES } from './fonts.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Entries nobody has asked for in this long are deleted when a build ends. */
const KEEP_DAYS = 30;

function packageVersion(resolver: NodeJS.Require, name: string): string {
  try {
    return (JSON.parse(readFileSync(resolver.resolve(`${name}/package.json`), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'missing';
  }
}

/** A hash of everything besides the request that decides how an image looks. */
export function drawingVersion(root: string = process.cwd()): string {
  const hash = createHash('sha256');
  const posterDir = fileURLToPath(new URL('.', import.meta.url));
  const sources = [
    ...readdirSync(posterDir)
      .filter((name) => name.endsWith('.ts'))
      .sort()
      .map((name) => join(posterDir, name)),
    fileURLToPath(new URL('../offline/icons.ts', import.meta.url)),
    fileURLToPath(new URL('../offline/icon.svg', import.meta.url)),
  ];
  for (const file of sources) hash.update(file.slice(posterDir.length)).update('\0').update(readFileSync(file)).update('\0');
  const resolver = createRequire(join(root, 'package.json'));
  const packages = ['satori', '@resvg/resvg-js', '@twemoji/svg', ...new Set(Object.values(FAMILIES).map((family) => family.pkg))].sort();
  for (const name of packages) hash.update(`${name}@${packageVersion(resolver, name)}\n`);
  return hash.digest('hex').slice(0, 32);
}

export class ImageCache {
  readonly #dir: string;
  readonly #version: string;

  constructor(dir: string, version: string = drawingVersion()) {
    this.#dir = dir;
    this.#version = version;
  }

  #file(kind: string, request: unknown): string {
    const key = createHash('sha256')
      .update(`${this.#version}\n${kind}\n${JSON.stringify(request)}`)
      .digest('hex')
      .slice(0, 40);
    return join(this.#dir, `${kind}-${key}.png`);
  }

  /** The image drawn for this request by an earlier build, or undefined. */
  async get(kind: string, request: unknown): Promise<Uint8Array | undefined> {
    const file = this.#file(kind, request);
    let png: Buffer;
    try {
      png = await readFile(file);
    } catch {
      return undefined;
    }
    // Half-written or damaged entries are drawn again.
    if (png.length < 64 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return png;
  }

  /** Keeps an image for later builds. Written whole under another name first, so a reader never sees half of it. */
  async put(kind: string, request: unknown, png: Uint8Array): Promise<void> {
    const file = this.#file(kind, request);
    await mkdir(this.#dir, { recursive: true });
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
    await writeFile(partial, png);
    await rename(partial, file);
  }

  /** Deletes entries unused for KEEP_DAYS; returns how many. */
  async prune(now: number = Date.now()): Promise<number> {
    let names: string[];
    try {
      names = readdirSync(this.#dir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      const file = join(this.#dir, name);
      const modified = (await stat(file).catch(() => undefined))?.mtimeMs;
      if (modified !== undefined && now - modified > KEEP_DAYS * 24 * 3600 * 1000) {
        await rm(file, { force: true });
        removed += 1;
      }
    }
    return removed;
  }
}
