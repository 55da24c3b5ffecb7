import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { astroBuild } from '../../scripts/lib/build.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';

/** The fixture clients added next to the sample client: Zoë (10 themes) and Sam (8). */
export const FIXTURE_CLIENTS = join('tests', 'fixtures', 'coach-clients');

export interface CoachSite {
  server: StaticServer;
  /** Where the content copy and the build live; removed by `close`. */
  dir: string;
  close(): Promise<void>;
}

/**
 * Builds the shipped content plus the fixture clients into a folder of its own
 * and serves it on a random port, so a spec can use clients the sample site lacks.
 */
export async function buildCoachSite(name: string): Promise<CoachSite> {
  const dir = join('.tmp', `${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  const content = join(dir, 'content');
  mkdirSync(content, { recursive: true });
  cpSync(join('src', 'content'), content, { recursive: true });
  for (const file of readdirSync(FIXTURE_CLIENTS)) cpSync(join(FIXTURE_CLIENTS, file), join(content, 'clients', file));
  const outDir = join(dir, 'dist');
  await astroBuild({ contentDir: content, outDir });
  const server = await serveStatic(outDir, { port: 0 });
  return {
    server,
    dir,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
