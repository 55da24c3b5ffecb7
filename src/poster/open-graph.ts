/**
 * What the build draws for each client besides the live poster. Neither image
 * carries the client's name: the link preview is fetched by chat apps from
 * their own servers, and the printed poster is the coach's themes only.
 */
import { getWelcome, type ClientView } from '../lib/clients.ts';
import type { OpenGraphInput, PosterInput } from './layout.ts';

/** The build-time poster of a client's themes: the coach's order, all of them, on paper, portrait. */
export function posterOfThemes(themes: readonly string[]): PosterInput {
  return { values: themes.map((label) => ({ label })), topN: themes.length, style: 'paper', size: 'pinterest' };
}

export interface OpenGraphImage extends OpenGraphInput {
  /** The same for every client with the same workbook title and coach, so the image is drawn once for all of them. */
  key: string;
}

/**
 * The link-preview image of a client's workbook: its title (`welcomeTitle`, the
 * welcome page's) and the coach's name, nothing else of the client.
 */
export function openGraphImage(welcomeTitle: string | undefined, client: Pick<ClientView, 'workbook' | 'coach'>): OpenGraphImage {
  const title = welcomeTitle ?? `${client.workbook.charAt(0).toUpperCase()}${client.workbook.slice(1)} workbook`;
  return { key: JSON.stringify([title, client.coach.name]), title, coach: client.coach.name };
}

/** The same, with the title read from the workbook's welcome page. */
export async function openGraphImageFor(client: Pick<ClientView, 'workbook' | 'coach'>): Promise<OpenGraphImage> {
  return openGraphImage((await getWelcome(client.workbook))?.data.title, client);
}
