/** The app's colours, the same as `--accent` and `--paper` in src/styles/global.css. */
export const THEME_COLOR = '#1d6a61';
export const BACKGROUND_COLOR = '#fbf8f3';

/** The file a client's manifest is served as, inside their folder. */
export const MANIFEST_PATH = 'manifest.webmanifest';

export interface IconSpec {
  /** File name without `.png`, at the top of the site (every client shares the icons). */
  name: string;
  size: number;
  /**
   * `any`: drawn with rounded corners, shown as it is. `maskable`: full-bleed,
   * the platform cuts its own shape. `apple`: the iOS home-screen icon, full-bleed
   * (iOS rounds it), linked from the page rather than the manifest.
   */
  purpose: 'any' | 'maskable' | 'apple';
}

export const ICONS: IconSpec[] = [
  { name: 'icon-192', size: 192, purpose: 'any' },
  { name: 'icon-512', size: 512, purpose: 'any' },
  { name: 'maskable-512', size: 512, purpose: 'maskable' },
  { name: 'apple-touch-icon', size: 180, purpose: 'apple' },
];

/** What the manifest needs to know about a client. */
export interface ManifestClient {
  slug: string;
  /** The name the workbook greets the client by. */
  greeting: string;
  /** The workbook's folder name, such as `values`. */
  workbook: string;
  coach: { name: string };
}

/** The members of a web app manifest this project writes. */
export interface WebAppManifest {
  id: string;
  name: string;
  short_name: string;
  description: string;
  lang: string;
  start_url: string;
  scope: string;
  display: 'standalone';
  theme_color: string;
  background_color: string;
  icons: Array<{ src: string; sizes: string; type: 'image/png'; purpose: 'any' | 'maskable' }>;
}

/** The longest short name launchers show without cutting it. */
const SHORT_NAME_MAX = 12;

/** `values` -> `values`, `goals-2026` -> `goals 2026`: the workbook's folder name as words. */
export function workbookWords(workbook: string): string {
  return workbook.replace(/[-_]+/g, ' ').trim();
}

/** "Maya's values" when it fits under a home-screen icon, else "Values". */
export function shortName(client: Pick<ManifestClient, 'greeting' | 'workbook'>): string {
  const words = workbookWords(client.workbook);
  const personal = `${client.greeting}'s ${words}`;
  if ([...personal].length <= SHORT_NAME_MAX) return personal;
  return words.charAt(0).toLocaleUpperCase('en') + words.slice(1);
}

/** `/` or `/sub/` joined with the client's folder: `/sub/<slug>/`. */
export function clientHome(base: string, slug: string): string {
  return `${base.replace(/\/*$/, '/')}${slug}/`;
}

/** Where an app icon is served: `/icon-192.png`, or `/sub/icon-192.png` under a base. */
export function iconUrl(base: string, icon: Pick<IconSpec, 'name'>): string {
  return `${base.replace(/\/*$/, '/')}${icon.name}.png`;
}

/**
 * One client's web app manifest. Its pages live under the client's own folder and
 * its icons are the site's shared ones, so it names no other client and no coach page.
 */
export function webManifest(client: ManifestClient, base: string): WebAppManifest {
  const home = clientHome(base, client.slug);
  return {
    id: home,
    name: `${client.greeting}'s ${workbookWords(client.workbook)} workbook`,
    short_name: shortName(client),
    description: `Your homework from your sessions with ${client.coach.name}. Your answers stay on this device.`,
    lang: 'en',
    start_url: home,
    scope: home,
    display: 'standalone',
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    icons: ICONS.filter((icon) => icon.purpose !== 'apple').map((icon) => ({
      src: iconUrl(base, icon),
      sizes: `${icon.size}x${icon.size}`,
      type: 'image/png',
      purpose: icon.purpose === 'maskable' ? 'maskable' : 'any',
    })),
  };
}
