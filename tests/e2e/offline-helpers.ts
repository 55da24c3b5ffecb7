import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import { ANSWERS_VERSION } from '../../src/stores/limits.ts';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { createFixtureProject, type FixtureProject } from '../../scripts/lib/fixture-project.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';
import type { Answers } from '../../src/schemas/answers.ts';
import { answersOf, value } from '../sample-answers.ts';
import { watchPage, type PageProblems } from './fixtures.ts';

/** A client for a synthetic content folder. */
export interface TestClient {
  slug: string;
  name: string;
  themes: string[];
}

/** A fresh folder under .tmp/ (ignored by git and by astro check), emptied first. */
export function tempFolder(name: string): string {
  const dir = join('.tmp', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Makes a fixture project at `dir` with this project's content (coach, workbooks) and,
 * given `clients`, those clients in place of the sample one, so a test can build a site of its own.
 */
export function writeProject(dir: string, clients?: TestClient[]): FixtureProject {
  const project = createFixtureProject(dir);
  if (clients) {
    const folder = join(project.content, 'clients');
    for (const file of readdirSync(folder)) rmSync(join(folder, file));
    for (const client of clients) {
      writeFileSync(
        join(folder, `${client.slug}.yaml`),
        stringify({ name: client.name, sessionDate: '2026-12-03', workbook: 'values', themes: client.themes }),
      );
    }
  }
  return project;
}

/** A built site served on a free port, and a fresh browser context with one page open on nothing yet. */
export interface ServedVisit {
  served: StaticServer;
  origin: string;
  context: BrowserContext;
  page: Page;
}

/**
 * Serves a built folder (under `base`, when given), opens a fresh context and page on it and
 * hands them to `visit`; closes both however `visit` ends. Returns what went wrong on the page
 * that a person would not see, for the test to check.
 */
export async function visitServed(
  browser: Browser,
  dir: string,
  options: { base?: string; context?: BrowserContextOptions },
  visit: (visit: ServedVisit) => Promise<void>,
): Promise<PageProblems> {
  const served = await serveStatic(dir, options.base === undefined ? {} : { base: options.base });
  const origin = new URL(served.url).origin;
  const context = await browser.newContext(options.context);
  const page = await context.newPage();
  const problems = watchPage(page, origin);
  try {
    await visit({ served, origin, context, page });
  } finally {
    await context.close();
    await served.close().catch(() => undefined);
  }
  return problems;
}

/** Resolves once a service worker controls the page (the first visit's worker claims it). */
export async function waitForServiceWorker(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    return registration.scope;
  });
}

/** The URLs a built sw.js precaches, read from the list workbox-build injected into it. */
export function precacheUrls(sw: string): string[] {
  return [...sw.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1] ?? '');
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * Stored answers as the answers store keeps them (`{ version, data }`, valid
 * against src/schemas/answers.ts), for seeding a client's browser.
 */
export function storedAnswers(notes: string): string {
  const data = answersOf([value('Family', 1, ['Family', 'Sunday dinners'], 1, 7)], [], notes, Date.UTC(2026, 11, 4));
  return JSON.stringify({ version: ANSWERS_VERSION, data });
}

/** The notes and value labels in a stored answers text, for comparing what survived. */
export function answersSummary(stored: string | null): { notes: string; values: string[] } | null {
  if (!stored) return null;
  const { data } = JSON.parse(stored) as { data: Answers };
  return {
    notes: data.workbooks.values?.notes ?? '',
    values: data.values.map((value) => `${value.label}: ${value.chain.map((word) => word.text).join(' / ')} (${value.rating})`),
  };
}
