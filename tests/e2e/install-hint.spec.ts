import { chromium, devices, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/lib/chromium.ts';
import { expect, sampleClient, test, watchPage } from './fixtures.ts';
import { waitForServiceWorker } from './offline-helpers.ts';

const client = sampleClient();
const home = `/${client.slug}/`;
const hintKey = `workbook:${client.slug}:install-hint`;
const iPhone = {
  ...devices['iPhone 13'],
  viewport: { width: 390, height: 844 },
};
delete (iPhone as { defaultBrowserType?: string }).defaultBrowserType;

function hint(page: Page) {
  return page.getByRole('region', { name: 'Keep your workbook on your home screen' });
}

test('on an iPhone the home shows how to add the workbook, and a dismissal is remembered', async ({ browser, baseURL }, testInfo) => {
  const context = await browser.newContext(iPhone);
  const page = await context.newPage();
  const problems = watchPage(page, new URL(baseURL!).origin);
  try {
    await page.goto(`${baseURL}${home}`);
    await expect(hint(page)).toBeVisible();
    await expect(hint(page).getByRole('listitem')).toHaveCount(3);
    await expect(hint(page)).toContainText('Add to Home Screen');
    await expect(hint(page)).toContainText('deletes what a website saved after 7 days without a visit');
    await expect(hint(page)).toContainText('keep a backup too: Download my answers');
    await expect(hint(page).getByRole('button', { name: 'Add to home screen' })).toBeHidden();
    await hint(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('install-hint-ios-390.png') });

    await hint(page).getByRole('button', { name: 'Hide this tip' }).click();
    await expect(hint(page)).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Your coach' })).toBeFocused();
    expect(await page.evaluate((key) => localStorage.getItem(key), hintKey)).toBe('dismissed');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(hint(page)).toBeHidden();
    // Only this client's hint is dismissed; their answers key is untouched.
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([hintKey]);
  } finally {
    await context.close();
  }
  expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
});

test('inside the installed app on an iPhone there is no hint', async ({ browser, baseURL }) => {
  const context = await browser.newContext(iPhone);
  await context.addInitScript(() => Object.defineProperty(navigator, 'standalone', { value: true }));
  const page = await context.newPage();
  try {
    await page.goto(`${baseURL}${home}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(hint(page)).toBeHidden();
  } finally {
    await context.close();
  }
});

test('where the browser offers nothing, the home shows no hint', async ({ page }) => {
  await page.goto(home);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(hint(page)).toBeHidden();
  await page.goto(`${home}notes/`);
  await expect(hint(page)).toHaveCount(0);
});

test('when the browser offers installation, "Add to home screen" opens its prompt', async ({ page }) => {
  await page.goto(home);
  await page.evaluate(() => {
    // The event Chromium sends when the page is installable, with its two members.
    const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: async () => {
        document.body.dataset.prompted = 'yes';
      },
      userChoice: Promise.resolve({ outcome: 'accepted' }),
    });
    window.dispatchEvent(offer);
  });
  await expect(hint(page)).toBeVisible();
  await expect(hint(page)).toContainText('deletes what a website saved after 7 days without a visit');
  await expect(hint(page).getByRole('listitem')).toHaveCount(0);
  await hint(page).getByRole('button', { name: 'Add to home screen' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-prompted', 'yes');
  await expect(hint(page)).toBeHidden();
});

test('Chromium itself offers installation of the workbook, and the hint shows its button', async ({ baseURL }, testInfo) => {
  // Chromium never offers installation in an incognito profile.
  const profile = await mkdtemp(join(tmpdir(), 'workbook-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: await findChromium(),
    args: CHROMIUM_ARGS,
    viewport: { width: 390, height: 844 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const problems = watchPage(page, new URL(baseURL!).origin);
    await page.goto(`${baseURL}${home}`);
    await waitForServiceWorker(page);
    await expect(hint(page).getByRole('button', { name: 'Add to home screen' })).toBeVisible({ timeout: 15_000 });
    await hint(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('install-hint-chromium-390.png') });
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});
