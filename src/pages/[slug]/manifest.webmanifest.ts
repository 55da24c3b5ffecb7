import type { APIRoute, GetStaticPaths } from 'astro';
import { getClients, type ClientView } from '../../lib/clients.ts';
import { webManifest } from '../../offline/manifest.ts';

export const getStaticPaths = (async () => {
  const clients = await getClients();
  return clients.map((client) => ({ params: { slug: client.slug }, props: { client } }));
}) satisfies GetStaticPaths;

/** The client's web app manifest: their workbook as an app of its own, scoped to their folder. */
export const GET: APIRoute<{ client: ClientView }> = ({ props }) =>
  new Response(JSON.stringify(webManifest(props.client, import.meta.env.BASE_URL), null, 2), {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
