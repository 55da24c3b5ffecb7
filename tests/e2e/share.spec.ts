import type { Browser, BrowserContext, Page } from '@playwright/test';
import { ANSWERS_VERSION } from '../../src/stores/limits.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { encodeShareFragment } from '../../src/share/codec.ts';
import { plainReadError, readShareFragment } from '../../src/share/decode.ts';
import { sampleAnswers, sampleAnswersFile } from '../sample-answers.ts';
import { expect, sampleClient, test, watchPage, type PageProblems } from './fixtures.ts';
import type { Answers } from '../../src/schemas/answers.ts';

const client = sampleClient();
const COACH_BASE = 'https://coach.example/workbooks/';
const reviewPath = `/coach/${client.slug}/review/`;

/** Seeds the client's saved answers the way the answers store writes them. */
async function seedAnswers(page: Page, answers: Answers): Promise<void> {
  await page.addInitScript(
    ([key, value]) => {
      window.localStorage.setItem(key, value);
    },
    [`workbook:${client.slug}:answers`, JSON.stringify({ version: ANSWERS_VERSION, data: answers })] as const,
  );
}

/** Records Content Security Policy violations from the first script on. */
async function recordCspViolations(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

/** A fresh browser context for the coach: nothing of the client's browser comes along. */
async function coachPage(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ baseURL });
  await recordCspViolations(context);
  const page = await context.newPage();
  const problems = watchPage(page, new URL(baseURL).origin);
  return { context, page, problems };
}

function expectClean(problems: PageProblems): void {
  expect(problems.pageErrors, 'uncaught page errors').toEqual([]);
  expect(problems.consoleErrors, 'console errors').toEqual([]);
  expect(problems.foreignRequests, 'requests to other origins').toEqual([]);
}

/** The coach's public link, pointed at the local test server instead. */
function local(link: string, baseURL: string): string {
  expect(link.startsWith(COACH_BASE)).toBe(true);
  return `${baseURL}/${link.slice(COACH_BASE.length)}`;
}

async function validFragment(answers: Answers = sampleAnswers(), slug = client.slug): Promise<string> {
  return (await encodeShareFragment(sampleAnswersFile(slug, answers))).fragment;
}

test.describe('Share with my coach', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('the client copies a link, and the coach opens it in a fresh browser and sees the same answers', async ({ page, browser, baseURL }) => {
    await recordCspViolations(page);
    await seedAnswers(page, sampleAnswers());
    await page.goto(`/${client.slug}/`);
    const share = page.getByRole('region', { name: 'Share with Jordan Ellis' });
    await share.getByRole('button', { name: 'Create the link' }).click();
    const field = share.getByRole('textbox', { name: 'Link for Jordan Ellis' });
    await expect(field).toHaveValue(new RegExp(`^${COACH_BASE}coach/${client.slug}/review/#v=1&slug=${client.slug}&crc=[0-9a-f]{8}&d=`));
    await share.getByRole('button', { name: 'Copy link' }).click();
    await expect(share.getByRole('status')).toHaveText(/Link copied/);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await field.inputValue());
    await expect(share.getByRole('link', { name: 'Open in email' })).toHaveAttribute(
      'href',
      /^mailto:jordan@example\.com\?subject=Maya's%20workbook%20answers&body=.*%23v%3D1/,
    );
    expect(await cspViolations(page)).toEqual([]);

    const coach = await coachPage(browser, baseURL!);
    await coach.page.goto(local(copied, baseURL!));
    const review = coach.page.getByRole('main');
    await expect(review.getByRole('heading', { level: 1 })).toHaveText('Maya Okafor’s answers');
    await expect(review.getByText('Opened from a share link.')).toBeVisible();

    const chains = review.getByRole('region', { name: 'Values and their chains' });
    await expect(chains.getByRole('heading', { level: 3 })).toHaveText(['Making things', 'Family', 'Personal growth', 'Autonomy', 'Quiet mornings']);
    await expect(chains.getByText('Renamed from the theme “Creativity”')).toBeVisible();
    await expect(chains.getByText('Added by Maya')).toBeVisible();
    const making = chains.getByRole('list', { name: 'Chain for Making things' });
    await expect(making.getByRole('listitem')).toHaveText(['sketching', 'building prototypes (marked bold)', 'losing track of time']);
    await expect(making.locator('strong')).toHaveText('building prototypes (marked bold)');
    await expect(chains.getByText('Themes from the session not kept: Honesty, Adventure, Health, Making an impact, Friendship.')).toBeVisible();

    const ranking = review.getByRole('table', { name: /Place of each value/ });
    await expect(ranking.getByRole('columnheader')).toHaveText(['Value (now)', 'Fri 4 Dec', 'Sun 6 Dec', 'Wed 9 Dec', 'Since Fri 4 Dec']);
    await expect(ranking.getByRole('row', { name: /Making things/ }).getByRole('cell')).toHaveText(['2', '1', '1', 'up 1']);
    await expect(ranking.getByRole('row', { name: /Quiet mornings/ }).getByRole('cell')).toHaveText(['–', '5', '5', 'new']);

    const ratings = review.getByRole('region', { name: 'Living scores and gaps' });
    await expect(ratings.getByRole('listitem')).toHaveText([
      '1. Making things6 of 10, gap 4',
      '2. Family8 of 10, gap 2',
      '3. Personal growth5 of 10, gap 5',
      '4. Autonomy4 of 10, gap 6',
      '5. Quiet morningsnot rated',
    ]);
    await expect(ratings.getByText('Worth a look: Making things is near the top of the ranking with a gap of 4 or more.')).toBeVisible();

    const notes = review.getByRole('region', { name: 'Notes' });
    await expect(notes).toContainText('Question for Jordan: can two values share a place?');

    const poster = review.getByRole('region', { name: 'Poster' });
    await expect(poster.getByText('Maya’s values')).toBeVisible();
    await expect(poster.getByRole('listitem').first()).toHaveText('Making thingsbuilding prototypes');
    // With the workbook's build-time poster route in place, the review shows that poster too.
    const built = poster.getByRole('img', { name: /poster made for Maya/ });
    await expect(built).toHaveCount(existsSync(join('src', 'pages', '[slug]', 'poster.png.ts')) ? 1 : 0);
    if (await built.count()) await built.scrollIntoViewIfNeeded();
    if (await built.count()) expect(await built.evaluate((image: HTMLImageElement) => image.decode().then(() => image.naturalWidth))).toBeGreaterThan(0);

    await review.getByRole('button', { name: 'Keep in this browser' }).click();
    await expect(review.getByRole('status')).toHaveText(/Kept in this browser/);
    await coach.page.goto(reviewPath);
    await expect(review.getByText('Opened from the copy kept in this browser.')).toBeVisible();
    await expect(review.getByRole('region', { name: 'Notes' })).toContainText('can two values share a place?');
    await review.getByRole('button', { name: 'Forget the kept copy' }).click();
    await coach.page.reload();
    await expect(review.getByText('No answers are open yet.')).toBeVisible();

    expect(await cspViolations(coach.page)).toEqual([]);
    expectClean(coach.problems);
    await coach.context.close();
  });

  test('with nothing answered, the client is told there is nothing to send yet', async ({ page }) => {
    await page.goto(`/${client.slug}/`);
    const share = page.getByRole('region', { name: 'Share with Jordan Ellis' });
    await share.getByRole('button', { name: 'Create the link' }).click();
    await expect(share.getByText('There is nothing to send yet')).toBeVisible();
    await expect(share.getByRole('textbox')).toHaveCount(0);
  });

  test('answers too long for an email offer the file instead, and the coach opens that file', async ({ page, browser, baseURL }) => {
    const answers = sampleAnswers();
    answers.workbooks = { ...answers.workbooks, values: { notes: Array.from({ length: 400 }, (_, i) => `Note ${i}: ${Math.sin(i).toString(36)}`).join('\n') } };
    await seedAnswers(page, answers);
    await page.goto(`/${client.slug}/`);
    const share = page.getByRole('region', { name: 'Share with Jordan Ellis' });
    await share.getByRole('button', { name: 'Create the link' }).click();
    await expect(share.getByRole('textbox', { name: 'Link for Jordan Ellis' })).toHaveValue(/#v=1/);
    await expect(share.getByRole('link', { name: 'Open in email' })).toHaveCount(0);
    await expect(share.getByText('This link is too long to open in an email program.')).toBeVisible();
    const downloading = page.waitForEvent('download');
    await share.getByRole('button', { name: 'Download answers file' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^maya-answers-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await download.path();

    const coach = await coachPage(browser, baseURL!);
    await coach.page.goto(reviewPath);
    // A file chosen before the island hydrates would never reach it, so wait as a person would for the page to settle.
    await coach.page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
    await coach.page.getByLabel('Open an answers file').setInputFiles(path);
    await expect(coach.page.getByText('Opened from an answers file.')).toBeVisible();
    await expect(coach.page.getByRole('region', { name: 'Notes' })).toContainText('Note 399:');
    expectClean(coach.problems);
    await coach.context.close();
  });
});

test.describe('The review page refuses bad links', () => {
  /** The coach reads a plain sentence and that nothing changed; the detailed line goes to the console. */
  async function expectRefused(page: Page, fragment: string, message: string | RegExp) {
    const logged: string[] = [];
    page.on('console', (entry) => {
      if (entry.type() === 'warning') logged.push(entry.text());
    });
    await page.goto(`${reviewPath}#${fragment}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('These answers could not be opened.');
    await expect(alert).toContainText('Nothing was changed.');
    await expect.poll(() => logged.at(-1)).toMatch(message);
    await expect(alert).toContainText(plainReadError(logged.at(-1) ?? ''));
    await expect(alert).not.toContainText('error:');
    await expect(alert.locator('code')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Values and their chains' })).toHaveCount(0);
  }

  test('a truncated link', async ({ page }) => {
    const fragment = await validFragment();
    await expectRefused(
      page,
      fragment.slice(0, -25),
      'error: share link: d: expected complete packed answers (the link may be cut short or changed), found data that does not unpack',
    );
    await expectRefused(
      page,
      fragment.slice(0, 12),
      'error: share link: slug: expected this client\'s whole slug (the link is cut short), found the start of it, "may"',
    );
  });

  test('a tampered link', async ({ page }) => {
    const fragment = await validFragment();
    const changed = sampleAnswers();
    changed.values[3]!.rating = 10;
    const tampered = `${fragment.slice(0, fragment.indexOf('&d='))}&d=${(await validFragment(changed)).split('&d=')[1]}`;
    await expectRefused(
      page,
      tampered,
      'error: share link: crc: expected a checksum that matches the answers (the link was changed after it was made), found a different checksum',
    );
    const middle = fragment.indexOf('&d=') + 40;
    const flipped = `${fragment.slice(0, middle)}${fragment[middle] === 'A' ? 'B' : 'A'}${fragment.slice(middle + 1)}`;
    await expectRefused(page, flipped, /^error: share link: (d|crc): expected .+, found .+$/);
  });

  test('a link for another client', async ({ page }) => {
    const other = 'sam-abcdefghijklmnopqrstuvwx';
    await expectRefused(
      page,
      await validFragment(sampleAnswers(), other),
      `error: share link: slug: expected a link for this client (${client.slug}), found a link for another client (${other})`,
    );
  });

  test('a link over 200 KB once unpacked', async ({ page }) => {
    const big = sampleAnswers();
    big.workbooks = { ...big.workbooks, values: { notes: 'x'.repeat(200_000) } };
    big.values[0]!.chain = Array.from({ length: 40 }, (_, i) => ({ id: `w${i}`, text: 'y'.repeat(80) }));
    await expectRefused(page, await validFragment(big), 'error: share link: d: expected at most 200 KB of answers once unpacked, found more');
  });

  test('HTML in a label is shown as text and runs nothing', async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { __ran: number }).__ran = 0;
    });
    const answers = sampleAnswers();
    const payload = '<img src=x onerror="window.__ran = 1">';
    answers.values[0]!.label = payload;
    answers.values[1]!.chain[0]!.text = '<script>window.__ran = 2</script>';
    answers.workbooks = { ...answers.workbooks, values: { notes: '<b onmouseover="window.__ran = 3">bold?</b>' } };
    await page.goto(`${reviewPath}#${await validFragment(answers)}`);
    await expect(page.getByRole('heading', { level: 3, name: payload })).toBeVisible();
    await expect(page.getByText('<script>window.__ran = 2</script>', { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Notes' })).toContainText('<b onmouseover="window.__ran = 3">bold?</b>');
    await page.getByRole('region', { name: 'Notes' }).getByText('bold?').hover();
    expect(await page.evaluate(() => (window as unknown as { __ran: number }).__ran)).toBe(0);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
  });

  test('a pasted link opens, and a pasted link without answers says so', async ({ page }) => {
    await page.goto(reviewPath);
    const field = page.getByRole('textbox', { name: 'Or paste the link Maya sent' });
    await field.fill(`${COACH_BASE}coach/${client.slug}/review/#${await validFragment()}`);
    await page.getByRole('button', { name: 'Open link' }).click();
    await expect(page.getByRole('region', { name: 'Values and their chains' }).getByRole('heading', { level: 3 }).first()).toHaveText('Making things');
    await field.fill('https://coach.example/workbooks/');
    await page.getByRole('button', { name: 'Open link' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'These answers could not be opened. The pasted link has no answers in it: a link from “Share with my coach” has a long part after a # sign. Nothing was changed.',
    );
  });
});

/** A small, seeded random source, so a failing mutation can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_VALUES: unknown[] = [null, -1, 0, 1e21, 'x', '', '<img src=x onerror=alert(1)>', [], {}, true, 'é Ω Я 家 عربى 🌱', 11, 2.5, 'a'.repeat(100)];

/** Changes one random field deep inside the answers, keeping it JSON. */
function mutateJson(value: unknown, next: () => number): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  const paths: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((child, index) => (paths.push({ parent: node, key: index }), walk(child)));
    else if (node && typeof node === 'object')
      for (const [key, child] of Object.entries(node)) {
        paths.push({ parent: node as Record<string, unknown>, key });
        walk(child);
      }
  };
  walk(copy);
  const target = paths[Math.floor(next() * paths.length)];
  if (target) {
    const replacement = ODD_VALUES[Math.floor(next() * ODD_VALUES.length)];
    if (next() < 0.15 && !Array.isArray(target.parent)) delete (target.parent as Record<string, unknown>)[target.key as string];
    else (target.parent as Record<string | number, unknown>)[target.key] = replacement;
  }
  return copy;
}

test('200 random mutations of a share link never break the review page', async ({ page, problems }) => {
  test.setTimeout(120_000);
  const next = random(20261203);
  const file = sampleAnswersFile(client.slug);
  const valid = await validFragment();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_%&=#<>"\'';
  const mutations: string[] = [];
  for (let i = 0; i < 200; i += 1) {
    const kind = i % 5;
    if (kind === 4) {
      // Valid packing and checksum around broken answers: reaches the schema and the renderer.
      const broken = mutateJson(file, next);
      mutations.push((await encodeShareFragment(broken as typeof file)).fragment);
      continue;
    }
    let text = valid;
    const at = Math.floor(next() * text.length);
    const char = alphabet[Math.floor(next() * alphabet.length)] ?? 'A';
    if (kind === 0) text = `${text.slice(0, at)}${char}${text.slice(at + 1)}`;
    else if (kind === 1) text = text.slice(0, at);
    else if (kind === 2) text = `${text.slice(0, at)}${char.repeat(1 + Math.floor(next() * 30))}${text.slice(at)}`;
    else text = `${text.slice(0, at)}${text.slice(at + 1 + Math.floor(next() * 50))}`;
    mutations.push(text);
  }

  await page.goto(reviewPath);
  let opened = 0;
  let refused = 0;
  const empty = page.getByText(/^No answers are open yet\./);
  for (const fragment of mutations) {
    // Back to nothing open first, so what follows can only be this mutation's own outcome.
    await page.evaluate(() => {
      window.location.hash = '';
    });
    await expect(empty).toBeVisible();
    // The fragment as the page sees it (the browser may escape some characters), decoded here the same way.
    const seen = await page.evaluate((hash) => {
      window.location.hash = hash;
      return window.location.hash;
    }, fragment);
    const expected = await readShareFragment(seen, client.slug, 'fflate');
    if (expected.ok) {
      await expect(page.getByRole('heading', { name: 'Values and their chains' })).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
      opened += 1;
    } else {
      // The page may unpack with the browser's own engine, which can fail a little earlier than fflate: either way, a plain sentence.
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('These answers could not be opened.');
      await expect(alert).toContainText('Nothing was changed.');
      expect(plainReadError(expected.message)).not.toMatch(/error:|slug|crc|JSON/);
      await expect(alert).not.toContainText('error:');
      refused += 1;
    }
  }
  expect(problems.pageErrors).toEqual([]);
  expect(refused).toBeGreaterThan(100);
  expect(opened + refused).toBe(200);

  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, valid);
  await expect(page.getByRole('region', { name: 'Values and their chains' }).getByRole('heading', { level: 3 }).first()).toHaveText('Making things');
});
