import { expect, test } from '@playwright/test';
import { builtPages, distDir } from '../../scripts/lib/pages.ts';
import { checkHtml, formatHtmlError } from '../../scripts/lib/vnu.ts';

// The W3C Nu HTML Checker over the whole build, errors only. No browser needed.
test('every built page is valid HTML (W3C Nu checker, errors only)', async () => {
  // The checker is a Java program reading every page: its start alone is slow on a shared machine.
  test.setTimeout(240_000);
  const dist = distDir();
  expect(builtPages(dist).length, `HTML pages in ${dist}`).toBeGreaterThan(0);
  const errors = await checkHtml([dist]);
  expect(errors.map(formatHtmlError)).toEqual([]);
});
