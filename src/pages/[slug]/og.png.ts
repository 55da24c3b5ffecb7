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
  // Astro asks every route for its paths before it renders a page, so during `astro build`
  // the poster thread can draw these while the pages before them render.
  const thread = posterThread();
  if (thread) for (const { props } of paths) void thread.openGraph({ title: props.title, coach: props.coach }).catch(() => undefined);
  return paths;
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

// Every client of the same workbook and coach gets the same image: draw each once per build.
const drawn = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

/**
 * The link-preview image, inside the client's own folder so a per-client
 * deploy carries it. It holds the workbook's title and the coach's name only:
 * chat apps fetch it from their servers.
 */
export const GET: APIRoute<Props> = async ({ props }) => {
  const input = { title: props.title, coach: props.coach };
  const thread = posterThread();
  if (thread) return new Response((await thread.openGraph(input)) as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'image/png' } });
  let png = drawn.get(props.key);
  if (!png) {
    png = renderOpenGraphPng(input).then((rendered) => new Uint8Array(rendered.png));
    drawn.set(props.key, png);
  }
  return new Response(await png, { headers: { 'content-type': 'image/png' } });
};
