import type { APIRoute, GetStaticPaths } from 'astro';
import { getClients } from '../../../lib/clients.ts';
import { iconPng } from '../../../offline/icons.ts';
import { ICONS, type IconSpec } from '../../../offline/manifest.ts';

export const getStaticPaths = (async () => {
  const clients = await getClients();
  return clients.flatMap((client) => ICONS.map((icon) => ({ params: { slug: client.slug, icon: icon.name }, props: { icon } })));
}) satisfies GetStaticPaths;

/** The app icons, inside each client's folder so their app and deploy folder carry their own. */
export const GET: APIRoute<{ icon: IconSpec }> = ({ props }) =>
  new Response(iconPng(props.icon) as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
