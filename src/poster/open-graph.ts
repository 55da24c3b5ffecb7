/**
 * The link-preview image of a workbook. Chat apps fetch it from their own
 * servers, so it carries no client data at all: only the workbook's title and
 * the coach's name. Every client with the same workbook and coach has the
 * same image (`/<slug>/og.png`), drawn once per build.
 */
import { getWelcome, type ClientView } from '../lib/clients.ts';

export interface OpenGraphImage {
  /** The same for every client with the same workbook title and coach. */
  key: string;
  title: string;
  coach: string;
}

function hash(text: string): string {
  let value = 0x811c9dc5;
  for (const char of text) {
    value ^= char.codePointAt(0) ?? 0;
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value.toString(36);
}

/** The workbook title shown in link previews: the title of its welcome page. */
async function workbookTitle(workbook: string): Promise<string> {
  return (await getWelcome(workbook))?.data.title ?? `${workbook.charAt(0).toUpperCase()}${workbook.slice(1)} workbook`;
}

export async function openGraphImageFor(client: Pick<ClientView, 'workbook' | 'coach'>): Promise<OpenGraphImage> {
  const title = await workbookTitle(client.workbook);
  return { key: `${client.workbook}-${hash(`${title}\n${client.coach.name}`)}`, title, coach: client.coach.name };
}
