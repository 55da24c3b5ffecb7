import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { clientSchema } from '../../src/schemas/client.ts';
import { coachSchema } from '../../src/schemas/coach.ts';

/** What the deploy scripts need to know about a client, read straight from its YAML. */
export interface ClientFacts {
  slug: string;
  name: string;
  /** Evidence quotes from every theme: private to this client. */
  evidence: string[];
  /** The coach's public base URL for this client (the client file may override it). */
  baseUrl: string;
}

export interface ContentFacts {
  /** The coach's public base URL from coach.yaml. */
  baseUrl: string;
  clients: ClientFacts[];
}

/**
 * Reads the coach and client files of a content folder. The build checks them
 * thoroughly and prints friendly errors; this only needs files that parse, and
 * throws the build's own one-line style when they don't.
 */
export function readContentFacts(contentDir: string): ContentFacts {
  const coachFile = join(contentDir, 'coach.yaml');
  if (!existsSync(coachFile)) throw new Error(`error: ${coachFile}: (file): expected the coach file with name, email and baseUrl, found no file`);
  const coach = coachSchema.safeParse(parse(readFileSync(coachFile, 'utf8')));
  if (!coach.success) throw new Error(`error: ${coachFile}: (file): expected a valid coach file, found problems (run npm run build to see them)`);
  const dir = join(contentDir, 'clients');
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => /\.ya?ml$/.test(file))
        .sort()
    : [];
  const clients = files.map((file) => {
    const path = join(dir, file);
    const parsed = clientSchema.safeParse(parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`error: ${path}: (file): expected a valid client file, found problems (run npm run build to see them)`);
    const data = parsed.data;
    return {
      slug: file.replace(/\.ya?ml$/, ''),
      name: data.name,
      evidence: data.themes.flatMap((theme) => theme.evidence),
      baseUrl: data.coach?.baseUrl ?? coach.data.baseUrl,
    };
  });
  return { baseUrl: coach.data.baseUrl, clients };
}

/** The path part of a base URL as an Astro `base`: `https://coach.example/workbooks` gives `/workbooks/`. */
export function basePathOf(url: string): string {
  const path = new URL(url).pathname.replace(/\/+$/, '');
  return `${path}/`;
}
