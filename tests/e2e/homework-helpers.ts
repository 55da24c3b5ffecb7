import type { BrowserContext, Locator, Page } from '@playwright/test';
import { ANSWERS_VERSION } from '../../src/stores/limits.ts';
import type { Answers } from '../../src/schemas/answers.ts';
import { themeId } from '../../src/lib/slug.ts';
import { sampleClient } from './fixtures.ts';
import { defaultPosterChoices } from '../../src/stores/model.ts';

export const client = sampleClient();
export const storageKey = `workbook:${client.slug}:answers`;
export const themes = client.themes.map((theme) => ({ id: themeId(theme.name), name: theme.name }));
export const url = (page = '') => `/${client.slug}/${page ? `${page}/` : ''}`;

/** A week of homework for the sample client: chains with bold words, a ranking over two days, scores and notes. */
export function filledAnswers(): Answers {
  const order = [...themes].reverse();
  return {
    lens: [],
    poster: defaultPosterChoices(),
    values: themes.map((theme, index) => {
      const words = [theme.name, `${theme.name} at work`, `${theme.name} at home`, index === 2 ? 'Ω Я 家 عربى 🌱' : `moments of ${theme.name.toLowerCase()}`];
      return {
        id: theme.id,
        label: theme.name,
        chain: words.map((text, i) => ({ id: i === 0 ? 'w-name' : `w-${i}`, text })),
        boldId: 'w-2',
        rank: order.findIndex((item) => item.id === theme.id) + 1,
        rating: (index % 10) + 1,
        origin: 'coach' as const,
      };
    }),
    history: [
      { date: '2026-12-04', order: themes.map((theme) => theme.id) },
      { date: '2026-12-06', order: order.map((theme) => theme.id) },
    ],
    workbooks: {
      values: {
        notes:
          'A thought on the train about Creativity.\nA question for our next session: how do Family and Adventure fit together?\n\nLast line of the notes.',
      },
    },
    updatedAt: Date.UTC(2026, 11, 6, 20),
  };
}

/** Puts answers in the browser before any page script runs, once per context. */
export async function seedStorage(target: Page | BrowserContext, answers: Answers = filledAnswers()): Promise<void> {
  await target.addInitScript(
    ([key, text]) => {
      if (localStorage.getItem(key) === null) localStorage.setItem(key, text);
    },
    [storageKey, JSON.stringify({ version: ANSWERS_VERSION, data: answers })] as const,
  );
}

/** Reads what the store saved. */
export async function storedAnswers(page: Page): Promise<Answers | null> {
  const text = await page.evaluate((key) => localStorage.getItem(key), storageKey);
  return text === null ? null : (JSON.parse(text) as { data: Answers }).data;
}

/**
 * Waits until the homework is live: the server HTML shows the coach's themes
 * (marked aria-busy), and a click before hydration would go nowhere. The
 * island drops aria-busy in the render that shows this browser's answers.
 */
async function live(page: Page): Promise<void> {
  await page.locator('astro-island[ssr]').first().waitFor({ state: 'detached' });
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
}

/** Opens a workbook page and waits until its homework is live. */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await live(page);
}

/** Reloads and waits until the homework is live again. */
export async function reopen(page: Page): Promise<void> {
  await page.reload();
  await live(page);
}

/** Presses Tab until the element has focus, as a keyboard user gets there. */
export async function tabTo(page: Page, target: Locator, limit = 300): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** The values in ranked order, as the ranking page shows them. */
export async function rankedLabels(page: Page): Promise<string[]> {
  const handles = page.getByRole('list', { name: 'Your ranking, most important first' }).getByRole('button', { name: /^Drag / });
  return (await handles.allTextContents()).map((text) => text.replace(/^Drag (.*), at position \d+ of \d+$/, '$1'));
}
