import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getClients } from '../../lib/clients.ts';
import { openGraphImageFor } from '../../poster/open-graph.ts';
import { renderOpenGraphPng } from '../../poster/node.ts';
import { posterThread } from '../../poster/prebuilt.ts';

export const getStaticPaths = (async () => {
  const paths = await Promise.all(
    (await getClients()).map(async (client) => {
      const { key, title, coach } = await openGraphImageFor(client);
      return { params: { slug: client.slug }, props: { key, title, coach } };
    }),
  );
  // During `astro build` the poster thread draws each image once and writes every client's copy
  // itself (src/poster/build-pool.ts), so no page waits for one; the route then has no pages.
  const thread = posterThread();
  if (thread) {
    for (const { params, props } of paths) thread.writeOpenGraph(`${params.slug}/og.png`, { title: props.title, coach: props.coach });
    return [];
  }
  return paths;
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

// Every client of the same workbook and coach gets the same image: draw each once.
const drawn = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

/**
 * The link-preview image, inside the client's own folder so a per-client
 * deploy carries it. It holds the workbook's title and the coach's name only:
 * chat apps fetch it from their servers. This draws it for `astro dev`.
 */
export const GET: APIRoute<Props> = async ({ props }) => {
  let png = drawn.get(props.key);
  if (!png) {
    png = renderOpenGraphPng({ title: props.title, coach: props.coach }).then((rendered) => new Uint8Array(rendered.png));
    drawn.set(props.key, png);
  }
  return new Response(await png, { headers: { 'content-type': 'image/png' } });
};
