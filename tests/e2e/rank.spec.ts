import { expect, test, watchPage } from './fixtures.ts';
import { open, rankedLabels, storedAnswers, tabTo, url } from './homework-helpers.ts';

/** Where the client wants their values to end up. */
const target = ['Health', 'Family', 'Friendship', 'Creativity', 'Honesty', 'Autonomy', 'Personal growth', 'Adventure', 'Making an impact'];

test('the whole ranking by keyboard alone, with announcements that use the labels', async ({ page }) => {
  await open(page, url('rank'));
  const announcer = page.getByRole('status').filter({ hasText: /position \d+ of 9/ });
  for (const [position, label] of target.entries()) {
    const from = (await rankedLabels(page)).indexOf(label);
    if (from === position) continue;
    const handle = page.getByRole('button', { name: `Drag ${label}, at position ${from + 1} of 9` });
    await tabTo(page, handle);
    await page.keyboard.press('Space');
    await expect(announcer.first()).toHaveText(`Picked up ${label}. It is at position ${from + 1} of 9.`);
    for (let step = from; step > position; step -= 1) {
      await page.keyboard.press('ArrowUp');
      await expect(announcer.first()).toHaveText(`${label} moved to position ${step} of 9.`);
    }
    await page.keyboard.press('Space');
    await expect(announcer.first()).toHaveText(`${label} dropped at position ${position + 1} of 9.`);
    await expect.poll(async () => (await rankedLabels(page))[position]).toBe(label);
  }
  expect(await rankedLabels(page)).toEqual(target);
  expect((await storedAnswers(page))?.history.at(-1)?.order.length).toBe(9);
});

test('Escape cancels a keyboard move and says so', async ({ page }) => {
  await open(page, url('rank'));
  const before = await rankedLabels(page);
  await tabTo(page, page.getByRole('button', { name: 'Drag Family, at position 2 of 9' }));
  // Each key waits for what a screen reader would say, as a person listening would.
  const announcer = page.getByRole('status').filter({ hasText: /position \d+ of 9/ });
  await page.keyboard.press('Space');
  await expect(announcer.first()).toHaveText('Picked up Family. It is at position 2 of 9.');
  await page.keyboard.press('ArrowDown');
  await expect(announcer.first()).toHaveText('Family moved to position 3 of 9.');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('status').filter({ hasText: 'Moving Family was cancelled. It is back at position 2 of 9.' })).toHaveCount(1);
  expect(await rankedLabels(page)).toEqual(before);
});

test('the whole ranking by the Move up and Move down buttons alone', async ({ page }) => {
  await open(page, url('rank'));
  for (const [position, label] of target.entries()) {
    let from = (await rankedLabels(page)).indexOf(label);
    while (from > position) {
      await page.getByRole('button', { name: `Move ${label} up` }).click();
      from -= 1;
      await expect(page.getByRole('status').filter({ hasText: `${label} moved to position ${from + 1} of 9.` })).toHaveCount(1);
    }
  }
  // And back down by one, with the other button.
  await page.getByRole('button', { name: 'Move Health down' }).click();
  expect(await rankedLabels(page)).toEqual(['Family', 'Health', ...target.slice(2)]);
  await page.getByRole('button', { name: 'Move Health up' }).click();
  expect(await rankedLabels(page)).toEqual(target);
  await expect(page.getByRole('button', { name: 'Move Health up' })).toBeDisabled();
});

test('a drag with the mouse, by the handle', async ({ page }) => {
  await open(page, url('rank'));
  await page.setViewportSize({ width: 1280, height: 1400 });
  const handle = page.getByRole('button', { name: 'Drag Friendship, at position 9 of 9' });
  const destination = page.getByRole('button', { name: 'Drag Creativity, at position 1 of 9' });
  const from = (await handle.boundingBox())!;
  const to = (await destination.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y - 20, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 4, { steps: 20 });
  await page.mouse.up();
  await expect
    .poll(() => rankedLabels(page))
    .toEqual(['Friendship', 'Creativity', 'Family', 'Personal growth', 'Autonomy', 'Honesty', 'Adventure', 'Health', 'Making an impact']);
});

test('a touch drag on a phone moves the note without scrolling the page', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true, baseURL });
  const page = await context.newPage();
  const problems = watchPage(page, new URL(baseURL!).origin);
  await open(page, url('rank'));
  const handle = page.getByRole('button', { name: 'Drag Honesty, at position 5 of 9' });
  await handle.scrollIntoViewIfNeeded();
  const destination = page.getByRole('button', { name: 'Drag Personal growth, at position 3 of 9' });
  const from = (await handle.boundingBox())!;
  const to = (await destination.boundingBox())!;
  const scrollBefore = await page.evaluate(() => window.scrollY);
  const cdp = await context.newCDPSession(page);
  const x = from.x + from.width / 2;
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', y: number) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }] });
  await touch('touchStart', from.y + from.height / 2);
  const steps = 24;
  for (let step = 1; step <= steps; step += 1) {
    await touch('touchMove', from.y + from.height / 2 + ((to.y + 4 - (from.y + from.height / 2)) * step) / steps);
    await page.waitForTimeout(16);
  }
  await touch('touchEnd', to.y + 4);
  await expect
    .poll(() => rankedLabels(page))
    .toEqual(['Creativity', 'Family', 'Honesty', 'Personal growth', 'Autonomy', 'Adventure', 'Health', 'Making an impact', 'Friendship']);
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrollBefore)).toBeLessThan(2);
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});
