import { expect, sampleClient, test } from './fixtures.ts';

const client = sampleClient();

test('the sample client home shows their name, coach, homework and working links', async ({ page }) => {
  await page.goto(`/${client.slug}/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(client.preferredName ?? client.name);
  await expect(page.getByText('Jordan Ellis').first()).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('Your coach: Jordan Ellis, jordan@example.com.');

  const homework = page.getByRole('region', { name: 'Your homework' });
  for (const title of ['Value chains', 'Stack rank', 'Living score', 'Your values poster']) {
    await expect(homework.getByRole('link', { name: title })).toBeVisible();
  }

  const nav = page.getByRole('navigation', { name: 'Workbook' });
  const links = await nav.getByRole('link').all();
  expect(links.length).toBeGreaterThanOrEqual(6);
  const hrefs = await Promise.all(links.map((link) => link.getAttribute('href')));
  for (const href of hrefs) {
    expect(href).toBeTruthy();
    const response = await page.request.get(href!);
    expect(response.status(), `${href}`).toBe(200);
  }

  await homework.getByRole('link', { name: 'Stack rank' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stack rank' })).toBeVisible();
});

test('every page carries noindex', async ({ page }) => {
  for (const path of [`/${client.slug}/`, `/${client.slug}/notes/`, '/coach/', `/coach/${client.slug}/guide/`, `/coach/${client.slug}/letter/`]) {
    await page.goto(path);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  }
});
