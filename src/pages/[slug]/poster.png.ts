import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getClients } from '../../lib/clients.ts';
import { renderPosterPng } from '../../poster/node.ts';
import { posterThread, prebuiltPosterInput } from '../../poster/prebuilt.ts';

export const getStaticPaths = (async () =>
  (await getClients()).map((client) => ({
    params: { slug: client.slug },
    props: { themes: client.themes.map((theme) => theme.name) },
  }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/**
 * The poster of the coach's themes, drawn at build time: shown while the live
 * poster loads, and offered when it cannot run. It never carries the client's name.
 */
export const GET: APIRoute<Props> = async ({ props }) => {
  const input = prebuiltPosterInput(props.themes);
  // During `astro build` the poster thread has usually drawn it already; elsewhere it is drawn here.
  const thread = posterThread();
  const png = thread ? await thread.png(input) : new Uint8Array((await renderPosterPng(input)).png);
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'image/png' } });
};
