import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getClients } from '../../lib/clients.ts';
import { renderPosterPng } from '../../poster/node.ts';
import { posterOfThemes } from '../../poster/open-graph.ts';

export const getStaticPaths = (async () =>
  (await getClients()).map((client) => ({
    params: { slug: client.slug },
    props: { themes: client.themes.map((theme) => theme.name) },
  }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/**
 * The poster of the coach's themes, drawn at build time: shown while the live
 * poster loads, and offered when it cannot run. It never carries the client's name.
 * resvg rasterises on Node's thread pool, so other pages render meanwhile.
 */
export const GET: APIRoute<Props> = async ({ props }) => {
  const { png } = await renderPosterPng(posterOfThemes(props.themes));
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
