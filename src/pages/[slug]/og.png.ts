import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getClients } from '../../lib/clients.ts';
import { openGraphImageFor } from '../../poster/open-graph.ts';
import { renderOpenGraphPng } from '../../poster/node.ts';

export const getStaticPaths = (async () =>
  Promise.all(
    (await getClients()).map(async (client) => {
      const { key, title, coach } = await openGraphImageFor(client);
      return { params: { slug: client.slug }, props: { key, title, coach } };
    }),
  )) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

// Every client of the same workbook and coach gets the same image: it is drawn once, and written into each client's folder.
const drawn = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

/**
 * The link-preview image, inside the client's own folder so a per-client
 * deploy carries it. It holds the workbook's title and the coach's name only:
 * chat apps fetch it from their servers.
 */
export const GET: APIRoute<Props> = async ({ props }) => {
  let png = drawn.get(props.key);
  if (!png) {
    png = renderOpenGraphPng({ title: props.title, coach: props.coach }).then((rendered) => new Uint8Array(rendered.png));
    drawn.set(props.key, png);
  }
  return new Response(await png, { headers: { 'content-type': 'image/png' } });
};
