import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getClients } from '../../lib/clients.ts';
import { renderPosterPng } from '../../poster/node.ts';

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
  const { png } = await renderPosterPng({ values: props.themes.map((label) => ({ label })), topN: props.themes.length, style: 'paper', size: 'pinterest' });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
