import type { APIRoute, GetStaticPaths } from 'astro';
import { emojiGroupFile, emojiGroups } from '../../../poster/node.ts';

/**
 * Twemoji SVGs for the live poster, in small groups (see src/poster/emoji.ts),
 * served from this site so the browser never asks another origin for them.
 */
export const getStaticPaths = (async () => [...(await emojiGroups()).keys()].map((group) => ({ params: { group } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify(await emojiGroupFile(String(params.group))), { headers: { 'content-type': 'application/json; charset=utf-8' } });
