import type { MarkdownHeading } from 'astro';
import content, { bodies } from 'virtual:workbook/content';
import type { Coach } from '../schemas/coach.ts';
import { clientSessions, tooFewThemes, type ClientData } from '../schemas/client.ts';
import type { PageBody, WorkbookPageEntry } from './content-check.ts';
import { themeId } from './slug.ts';
import { sessionsOf, type SessionView } from './sessions.ts';

export { buildDay, sessionsOf, type SessionView } from './sessions.ts';

/** A theme ready for pages and for seeding the client's values. */
export interface ThemeView {
  id: string;
  name: string;
  evidence: string[];
}

/** Everything a page needs to know about one client, with the coach's details merged in. */
export interface ClientView {
  slug: string;
  name: string;
  /** The name the workbook greets the client by: the preferred name, else the first name. */
  greeting: string;
  /** Every session of the engagement, in order. */
  sessions: SessionView[];
  /** The session this view is about: the first, unless a route chose another with `forSession`. */
  session: SessionView;
  /** The current session: the latest whose date is today or earlier, else the first. */
  current: SessionView;
  /** The date of the next session, from today on, if one is booked. */
  nextDate: string | undefined;
  /** The date and workbook of `session`, for the pages that speak of one session. */
  sessionDate: string;
  workbook: string;
  themes: ThemeView[];
  /** True when the theme count is outside what the method asks for. */
  themeCountWarning: boolean;
  letter: string | undefined;
  /** Where the homework letter goes, when the client file gives an address. */
  email?: string | undefined;
  coach: Coach;
  /** The public address of the client's workbook home. */
  workbookUrl: string;
}

export type WorkbookPage = WorkbookPageEntry;

export async function getCoach(): Promise<Coach> {
  if (!content.coach) throw new Error('error: src/content/coach.yaml: (file): expected the coach file with name, email and baseUrl, found no file');
  return content.coach;
}

/** The route of the first session's client pages, the one place the live poster studio runs. */
const POSTER_STUDIO_ROUTE = '/[slug]/[page]';

/** Whether a component rendering on `routePattern` shows the live poster studio (else a link to it). */
export function isPosterStudioRoute(routePattern: string): boolean {
  return routePattern === POSTER_STUDIO_ROUTE;
}

/** Whether this page, on this route, shows the live poster studio: its text uses `<PosterIsland />`. */
export function showsPosterStudio(page: WorkbookPage, routePattern: string): boolean {
  return isPosterStudioRoute(routePattern) && /<PosterIsland\b/.test(page.body);
}

/** A workbook page's body, ready to render, and its headings. */
export async function renderPage(page: WorkbookPage): Promise<{ Content: PageBody['Content']; headings: MarkdownHeading[] }> {
  const load = bodies[page.id];
  if (!load) throw new Error(`error: ${page.filePath}: (body): expected a page to render, found a letter template`);
  const module = await load();
  return { Content: module.Content, headings: module.getHeadings() };
}

/** The same client, seen from one of their sessions: its pages, guide and letter speak of that session. */
export function forSession(client: ClientView, session: SessionView): ClientView {
  return { ...client, session, sessionDate: session.date, workbook: session.workbook };
}

/** The session after this one, if any. */
export function sessionAfter(client: ClientView, session: SessionView): SessionView | undefined {
  return client.sessions[session.index + 1];
}

function toView(entry: { slug: string; data: ClientData }, coachDefaults: Coach): ClientView {
  const data = entry.data;
  const coach = { ...coachDefaults, ...data.coach };
  const themes = data.themes.map((theme) => ({ id: themeId(theme.name), name: theme.name, evidence: theme.evidence }));
  const { sessions, current, nextDate } = sessionsOf(clientSessions(data));
  const first = sessions[0]!;
  return {
    slug: entry.slug,
    name: data.name,
    greeting: data.preferredName ?? data.name.split(/\s+/)[0] ?? data.name,
    sessions,
    session: first,
    current,
    nextDate,
    sessionDate: first.date,
    workbook: first.workbook,
    themes,
    themeCountWarning: tooFewThemes(themes.length),
    letter: data.letter,
    email: data.email,
    coach,
    workbookUrl: `${coach.baseUrl.replace(/\/+$/, '')}/${entry.slug}/`,
  };
}

/** All clients, by the date of their first session, then name. */
export async function getClients(): Promise<ClientView[]> {
  const coach = await getCoach();
  return content.clients.map((entry) => toView(entry, coach)).sort((a, b) => a.sessionDate.localeCompare(b.sessionDate) || a.name.localeCompare(b.name));
}

/** The props of a page that stands once per client. */
export interface ClientPageProps {
  client: ClientView;
}

/** The paths of the pages that stand once per client (`[slug]/…`): one a client, the client as the page's props. */
export async function clientPaths(): Promise<{ params: { slug: string }; props: ClientPageProps }[]> {
  return (await getClients()).map((client) => ({ params: { slug: client.slug }, props: { client } }));
}

/** The client of a once-per-client page, seen from their current session, and set as the page's workbook for the components on it. */
export function currentClient(client: ClientView, locals: App.Locals): ClientView {
  const view = forSession(client, client.current);
  locals.workbook = view;
  return view;
}

/** The URL segment of a workbook page: its file name. */
export function pageSlug(page: WorkbookPage): string {
  return page.id.split('/').slice(1).join('/');
}

/** A workbook's pages for one audience, in order. The client's `index` page is the home's welcome. */
export async function getWorkbookPages(workbook: string, audience: 'coach' | 'client'): Promise<WorkbookPage[]> {
  const pages = content.pages.filter((page) => page.id.startsWith(`${workbook}/`) && page.data.audience === audience);
  return pages.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/** The client pages that get their own URL (everything but the home's welcome text). */
export async function getClientPages(workbook: string): Promise<WorkbookPage[]> {
  return (await getWorkbookPages(workbook, 'client')).filter((page) => pageSlug(page) !== 'index');
}

/** A workbook as the coach names it in lists: its folder name, capitalised ("goals" is "Goals"). */
export function workbookLabel(workbook: string): string {
  return workbook.charAt(0).toLocaleUpperCase() + workbook.slice(1).replace(/-/g, ' ');
}

/** The welcome text shown on the client's home, if the workbook has one. */
export async function getWelcome(workbook: string): Promise<WorkbookPage | undefined> {
  return (await getWorkbookPages(workbook, 'client')).find((page) => pageSlug(page) === 'index');
}

// Made once: building a formatter costs far more than using one, and every page shows a date.
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Formats a YYYY-MM-DD date for people, without shifting it across time zones. */
export function formatDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return LONG_DATE.format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1)));
}

/** A page of one session, with the client seen from that session. */
export interface SessionPage {
  client: ClientView;
  page: WorkbookPage;
  pages: WorkbookPage[];
}

/**
 * Every page of every client's sessions for one audience. The first session's
 * pages live at `/<slug>/<page>/`, later ones at `/<slug>/<workbook>/<page>/`
 * (and the same under `/coach/`): `later` chooses which of the two.
 */
export async function getSessionPages(audience: 'coach' | 'client', later: boolean): Promise<SessionPage[]> {
  const found: SessionPage[] = [];
  for (const client of await getClients()) {
    for (const session of client.sessions) {
      if (session.index > 0 !== later) continue;
      const all = await getWorkbookPages(session.workbook, audience);
      const pages = audience === 'client' ? all.filter((page) => pageSlug(page) !== 'index') : all;
      const view = forSession(client, session);
      for (const page of pages) found.push({ client: view, page, pages });
    }
  }
  return found;
}

/** The address of a session page: `<base><slug>/<workbook>/<page>/`, without the workbook for the first session. */
export function sessionPageHref(base: string, client: ClientView, session: SessionView, page: WorkbookPage, coach = false): string {
  return `${base}${coach ? 'coach/' : ''}${client.slug}/${session.path}${pageSlug(page)}/`;
}
