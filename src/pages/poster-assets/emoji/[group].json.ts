import type { APIRoute, GetStaticPaths } from 'astro';
import { emojiGroupFile, emojiGroups } from '../../../poster/node.ts';

// This file's folder is EMOJI_FOLDER (src/poster/emoji.ts), where the live poster fetches emoji from.
export const getStaticPaths = (async () => [...(await emojiGroups()).keys()].map((group) => ({ params: { group } }))) satisfies GetStaticPaths;

/**
 * One group of Twemoji SVGs, keyed by file name: the live poster fetches the
 * group of each emoji it draws, never the whole set (see emojiGroup).
 */
export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify(await emojiGroupFile(params.group ?? '')), { headers: { 'content-type': 'application/json; charset=utf-8' } });
