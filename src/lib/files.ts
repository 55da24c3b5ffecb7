import { copyFileSync, linkSync } from 'node:fs';
import { copyFile, link } from 'node:fs/promises';

/**
 * Puts a file where the output needs it: a hard link where both places share a file system (the
 * same bytes, nothing copied; a deploy uploads it as any other file), else a copy. Only for files
 * nothing writes to afterwards, since a write through one name would show through the other.
 */
export function placeFileSync(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** The same, without blocking. */
export async function placeFile(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}
