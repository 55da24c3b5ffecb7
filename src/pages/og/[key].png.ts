import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { openGraphImages } from '../../poster/open-graph.ts';
import { renderOpenGraphPng } from '../../poster/node.ts';

export const getStaticPaths = (async () => (await openGraphImages()).map((image) => ({ params: { key: image.key }, props: { title: image.title, coach: image.coach } }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** The link-preview image: the workbook's title and the coach's name, nothing about any client. */
export const GET: APIRoute<Props> = async ({ props }) => {
  const { png } = await renderOpenGraphPng({ title: props.title, coach: props.coach });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
