import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { astroBuild } from '../../scripts/lib/build.ts';
import { createFixtureProject } from '../../scripts/lib/fixture-project.ts';
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
  const { root, content } = createFixtureProject(dir);
  for (const file of readdirSync(FIXTURE_CLIENTS)) cpSync(join(FIXTURE_CLIENTS, file), join(content, 'clients', file));
  await astroBuild({ root });
  const server = await serveStatic(join(root, 'dist'), { port: 0 });
  return {
    server,
    dir,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
