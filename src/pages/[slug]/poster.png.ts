import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getClients } from '../../lib/clients.ts';
import { renderPosterPng } from '../../poster/node.ts';
import { posterThread, prebuiltPosterInput } from '../../poster/prebuilt.ts';

export const getStaticPaths = (async () => {
  const clients = (await getClients()).map((client) => ({ slug: client.slug, themes: client.themes.map((theme) => theme.name) }));
  // During `astro build` the poster thread draws these files and writes them itself before the
  // build ends (src/poster/build-pool.ts), so no page waits for a poster; the route then has no pages.
  const thread = posterThread();
  if (thread) {
    for (const client of clients) thread.writePoster(`${client.slug}/poster.png`, prebuiltPosterInput(client.themes));
    return [];
  }
  return clients.map((client) => ({ params: { slug: client.slug }, props: { themes: client.themes } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/**
 * The poster of the coach's themes, drawn at build time: shown while the live
 * poster loads, and offered when it cannot run. It never carries the client's name.
 * This draws it for `astro dev`; builds write the same file from the poster thread.
 */
export const GET: APIRoute<Props> = async ({ props }) => {
  const { png } = await renderPosterPng(prebuiltPosterInput(props.themes));
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
