/**
 * The emoji groups the live poster fetches, made at build time from the
 * @twemoji/svg package in node_modules (Node only): one JSON file per group,
 * Twemoji SVGs keyed by file name (see emojiGroup in emoji.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { emojiGroup } from './emoji.ts';

const require = createRequire(import.meta.url);

function twemojiDir(): string {
  return dirname(require.resolve('@twemoji/svg/package.json'));
}

let index: Promise<Map<string, string[]>> | undefined;

/** Twemoji file names (without `.svg`) by the group they are served in. */
export function emojiGroups(): Promise<Map<string, string[]>> {
  index ??= (async () => {
    const groups = new Map<string, string[]>();
    for (const file of readdirSync(twemojiDir())
      .filter((name) => name.endsWith('.svg'))
      .sort()) {
      const code = file.slice(0, -'.svg'.length);
      const group = emojiGroup(code);
      groups.set(group, [...(groups.get(group) ?? []), code]);
    }
    return groups;
  })();
  return index;
}

/** One group's file: its SVGs keyed by Twemoji file name, as JSON; undefined for a group that does not exist. */
export async function emojiGroupJson(group: string): Promise<string | undefined> {
  const codes = (await emojiGroups()).get(group);
  if (!codes) return undefined;
  const dir = twemojiDir();
  // Read one after another: thousands of small reads at once cost several times more than in turn.
  const entries = codes.map((code) => [code, readFileSync(join(dir, `${code}.svg`), 'utf8')] as const);
  return JSON.stringify(Object.fromEntries(entries));
}
