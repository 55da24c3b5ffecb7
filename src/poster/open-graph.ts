/**
 * The link-preview image of a workbook. Chat apps fetch it from their own
 * servers, so it carries no client data at all: only the workbook's title and
 * the coach's name. One image serves every client with the same workbook and
 * coach.
 */
import { getClients, getWelcome, type ClientView } from '../lib/clients.ts';

export interface OpenGraphImage {
  /** The file name under /og/, without `.png`. */
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

/** Every distinct link-preview image the site needs. */
export async function openGraphImages(): Promise<OpenGraphImage[]> {
  const images = new Map<string, OpenGraphImage>();
  for (const client of await getClients()) {
    const image = await openGraphImageFor(client);
    images.set(image.key, image);
  }
  return [...images.values()];
}
