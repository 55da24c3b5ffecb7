import type { APIRoute, GetStaticPaths } from 'astro';
import iconSvg from '../offline/icon.svg?raw';
import { iconPng } from '../offline/icons.ts';
import { ICONS, type IconSpec } from '../offline/manifest.ts';

export const getStaticPaths = (() => ICONS.map((icon) => ({ params: { icon: icon.name }, props: { icon } }))) satisfies GetStaticPaths;

/**
 * The app icons, one set for every client: the same picture, at the top of the
 * site like the favicon, so each client's deploy folder and offline copy carry it.
 */
export const GET: APIRoute<{ icon: IconSpec }> = ({ props }) =>
  new Response(iconPng(props.icon, iconSvg) as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
