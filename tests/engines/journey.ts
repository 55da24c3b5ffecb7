/**
 * The client's core journey, written once and run in every engine: notes,
 * value chains with the word in bold, ranking by buttons and by keyboard,
 * living score, the poster preview and its PNG download, everything still
 * there after a reload, and the workbook opening offline after one visit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'yaml';
import type { EnginePage, Key } from './driver.ts';
import { describe, findAll, toWire, type Query } from './query.ts';

const FIND = findAll.toString();

/** The sample client the site is built for: the first client file. */
export function sampleClient(contentDir = join(process.cwd(), 'src', 'content')): { slug: string; name: string; themes: string[] } {
  const file = readdirSync(join(contentDir, 'clients'))
    .filter((name) => name.endsWith('.yaml'))
    .sort()[0];
  if (!file) throw new Error(`No sample client in ${contentDir}/clients`);
  const data = parse(readFileSync(join(contentDir, 'clients', file), 'utf8')) as { name: string; themes: { name: string }[] };
  return { slug: file.replace(/\.yaml$/, ''), name: data.name, themes: data.themes.map((theme) => theme.name) };
}

/** An expression listing what the query finds, mapped in the page by `map` (source of `(element) => value`). */
function mapped(query: Query, map: string): string {
  return `(${FIND})(${JSON.stringify(toWire(query))}).map(${map})`;
}

/** A failed step: names the step, what was expected and what was found. */
export class StepFailed extends Error {}

export interface JourneyOptions {
  /** The site's address, ending in a slash. */
  site: string;
  /** Serves the site once more on an address of its own and stops it on request, for the offline step. */
  serveOnce(): Promise<{ url: string; close(): Promise<void> }>;
  log(line: string): void;
  /** How long to wait for something to appear (a loaded machine is slow). */
  timeoutMs?: number;
}

export async function journey(page: EnginePage, options: JourneyOptions): Promise<void> {
  const client = sampleClient();
  const timeout = options.timeoutMs ?? 30_000;
  const at = (path = '', site = options.site) => `${site}${client.slug}/${path ? `${path}/` : ''}`;

  /** Polls `expression` until `accept` takes its value, or fails with what was last seen. */
  async function until<T>(what: string, expression: string, accept: (value: T) => boolean, wait = timeout): Promise<T> {
    const deadline = Date.now() + wait;
    let last: T | undefined;
    let problem = '';
    for (;;) {
      try {
        last = await page.evaluate<T>(expression);
        problem = '';
        if (accept(last)) return last;
      } catch (error) {
        // A page that is navigating cannot answer yet.
        problem = (error as Error).message;
      }
      if (Date.now() > deadline) throw new StepFailed(`expected ${what}; found ${problem || JSON.stringify(last)}`);
      await sleep(100);
    }
  }

  const texts = (query: Query) => mapped(query, `(element) => element.textContent.replace(/\\s+/g, ' ').trim()`);
  const visible = (query: Query, wait?: number) =>
    until<number>(`${describe(query)} to be shown`, mapped(query, '() => 1') + '.length', (count) => count > 0, wait);
  const attributeIs = (query: Query, attribute: string, expected: string) =>
    until<(string | null)[]>(
      `${describe(query)} to have ${attribute}="${expected}"`,
      mapped(query, `(element) => element.getAttribute(${JSON.stringify(attribute)})`),
      (found) => found[0] === expected,
    );
  const propertyIs = (query: Query, property: string, expected: unknown) =>
    until<unknown[]>(
      `${describe(query)} to have ${property} ${JSON.stringify(expected)}`,
      mapped(query, `(element) => element[${JSON.stringify(property)}]`),
      (found) => found[0] === expected,
    );

  async function action(query: Query, act: () => Promise<void>): Promise<void> {
    await visible(query);
    try {
      await act();
    } catch (error) {
      throw new StepFailed(`could not use ${describe(query)}: ${(error as Error).message}`);
    }
  }
  const click = (query: Query) => action(query, () => page.click(toWire(query)));
  const fill = (query: Query, text: string) => action(query, () => page.fill(toWire(query), text));
  const press = (key: Key) => page.press(key);

  /** Opens a workbook page and waits until its homework is live (hydrated, showing this browser's answers). */
  async function open(url: string): Promise<void> {
    await page.goto(url);
    await live();
  }
  async function live(): Promise<void> {
    await until<boolean>(
      'the page to be ready for answers',
      `document.readyState === 'complete' && !document.querySelector('astro-island[ssr]') && !document.querySelector('[aria-busy="true"]')`,
      Boolean,
    );
  }

  /** Presses Tab until the element has focus, as a keyboard user gets there. */
  async function tabTo(query: Query): Promise<void> {
    const focused = `(${FIND})(${JSON.stringify(toWire(query))})[0] === document.activeElement`;
    for (let presses = 0; presses < 120; presses += 1) {
      if (await page.evaluate<boolean>(focused)) return;
      await press('Tab');
    }
    throw new StepFailed(`Tab never reached ${describe(query)}`);
  }

  const ranking: Query = { role: 'list', name: 'Your ranking, most important first' };
  const rankedExpression = mapped(
    { role: 'button', name: /^Drag /, within: ranking },
    `(element) => element.textContent.replace(/^\\s*Drag (.*), at position \\d+ of \\d+\\s*$/, '$1')`,
  );
  const rankingIs = (expected: string[]) =>
    until<string[]>(`the ranking ${expected.join(', ')}`, rankedExpression, (found) => JSON.stringify(found) === JSON.stringify(expected));
  const dragStatus = (text: string) => visible({ role: 'status', text });

  async function step(name: string, run: () => Promise<void>): Promise<void> {
    const started = performance.now();
    try {
      await run();
    } catch (error) {
      throw new StepFailed(`${page.engine}: ${name}: ${(error as Error).message}`, { cause: error });
    }
    options.log(`  ok  ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }

  const creativity: Query = { role: 'region', name: 'Creativity' };
  const boldButton: Query = { role: 'button', name: 'making prototypes sums up Creativity', within: creativity };
  const notes = 'First line.\nSecond line, with é and 家.';
  let ranked: string[] = [];

  await step('home page lists the homework', async () => {
    await page.goto(at());
    await visible({ text: /^0 of 3 done/ });
  });

  await step('value chains: words added, one marked bold', async () => {
    await open(at('value-chains'));
    const add: Query = { label: 'Add a word or phrase to Creativity', within: creativity };
    await fill(add, 'sketching');
    await press('Enter');
    await visible({ role: 'button', name: 'sketching sums up Creativity', within: creativity });
    await fill(add, 'making prototypes');
    await click({ role: 'button', name: 'Add to Creativity', within: creativity });
    await click(boldButton);
    await attributeIs(boldButton, 'aria-pressed', 'true');
    // The chosen word is set in bold where the chain is shown.
    await until<string[]>(
      '"making prototypes" to be shown in bold',
      mapped({ text: 'making prototypes', within: creativity }, '(element) => getComputedStyle(element).fontWeight'),
      (weights) => weights.some((weight) => Number(weight) >= 600),
    );
  });

  await step('ranking by the Move up buttons', async () => {
    await open(at('rank'));
    const before = await rankingIs(client.themes);
    const health = before.indexOf('Health');
    await click({ role: 'button', name: 'Move Health up' });
    await dragStatus(`Health moved to position ${health} of 9.`);
    await click({ role: 'button', name: 'Move Health up' });
    await dragStatus(`Health moved to position ${health - 1} of 9.`);
    const expected = before.filter((label) => label !== 'Health');
    expected.splice(health - 2, 0, 'Health');
    ranked = await rankingIs(expected);
  });

  await step('ranking by keyboard: pick up, move, drop', async () => {
    const family = ranked.indexOf('Family');
    await tabTo({ role: 'button', name: `Drag Family, at position ${family + 1} of 9` });
    await press('Space');
    await dragStatus(`Picked up Family. It is at position ${family + 1} of 9.`);
    await press('ArrowDown');
    await dragStatus(`Family moved to position ${family + 2} of 9.`);
    await press('Space');
    await dragStatus(`Family dropped at position ${family + 2} of 9.`);
    const expected = [...ranked];
    expected.splice(family, 2, ranked[family + 1]!, 'Family');
    ranked = await rankingIs(expected);
  });

  await step('living score: two values scored', async () => {
    await open(at('living'));
    await click({ role: 'radio', name: '7', within: { role: 'group', name: /^\d+\. Creativity ·/ } });
    await visible({ role: 'group', name: /Creativity · 7 of 10/ });
    await click({ role: 'radio', name: '3', within: { role: 'group', name: /^\d+\. Family ·/ } });
    await visible({ role: 'group', name: /Family · 3 of 10/ });
  });

  await step('notes written', async () => {
    await open(at('notes'));
    await fill({ label: 'Your notes' }, notes);
    await propertyIs({ label: 'Your notes' }, 'value', notes);
    await visible({ text: /^Saved/ });
  });

  await step('poster: preview of the client’s own ranking, then a style change', async () => {
    await page.goto(at('poster'));
    // The poster maker starts once it is scrolled into view, as a person scrolls to it.
    await until<boolean>(
      'the poster heading',
      `(${FIND})(${JSON.stringify(toWire({ role: 'heading', name: 'Make your poster' }))})[0]?.scrollIntoView() ?? false`,
      () => true,
    );
    await visible({ role: 'img', name: /^Preview of your poster, Paper style/ }, 60_000);
    const first = `Creativity (making prototypes)`;
    const list = await page.evaluate<string[]>(texts({ role: 'listitem', within: { role: 'list', name: 'On your poster' } }));
    if (list[0] !== first || list.length !== 5) throw new StepFailed(`expected the poster to list 5 values from ${first}; found ${JSON.stringify(list)}`);
    await click({ role: 'radio', name: /^Compass/ });
    await visible({ role: 'img', name: /^Preview of your poster, Compass style/ });
  });

  await step('poster: Download PNG gives a 1000 × 1500 PNG named after the client', async () => {
    // Engines keep downloads in different places, so the file is caught as the page hands it to the browser.
    await page.evaluate(`(() => {
      window.__downloads = [];
      document.addEventListener('click', (event) => {
        const link = event.target instanceof Element ? event.target.closest('a[download]') : null;
        if (!link || !link.href.startsWith('blob:')) return;
        event.preventDefault();
        fetch(link.href).then((response) => response.arrayBuffer()).then((buffer) => {
          const bytes = new Uint8Array(buffer);
          const view = new DataView(buffer);
          window.__downloads.push({ name: link.download, size: bytes.length, signature: Array.from(bytes.slice(0, 8)), width: view.getUint32(16), height: view.getUint32(20) });
        });
      }, true);
      return true;
    })()`);
    const button: Query = { role: 'button', name: 'Download PNG' };
    await propertyIs(button, 'disabled', false);
    await click(button);
    const [file] = await until<{ name: string; size: number; signature: number[]; width: number; height: number }[]>(
      'a PNG download',
      'window.__downloads',
      (list) => list.length > 0,
      60_000,
    );
    if (!file!.name.startsWith(`${client.name.toLowerCase().replace(/\s+/g, '-')}-values-pinterest-1000x1500`) || !file!.name.endsWith('.png'))
      throw new StepFailed(`expected a file named after ${client.name} and the size; found ${file!.name}`);
    if (file!.signature.join(',') !== '137,80,78,71,13,10,26,10') throw new StepFailed(`expected a PNG; found bytes ${file!.signature.join(' ')}`);
    if (file!.width !== 1000 || file!.height !== 1500) throw new StepFailed(`expected 1000 × 1500; found ${file!.width} × ${file!.height}`);
  });

  await step('reload: every answer is still there', async () => {
    await open(at('value-chains'));
    await page.reload();
    await live();
    await attributeIs(boldButton, 'aria-pressed', 'true');
    await open(at('rank'));
    await page.reload();
    await live();
    await rankingIs(ranked);
    await open(at('living'));
    await page.reload();
    await live();
    await propertyIs({ role: 'radio', name: '7', within: { role: 'group', name: /Creativity · 7 of 10/ } }, 'checked', true);
    await open(at('notes'));
    await page.reload();
    await live();
    await propertyIs({ label: 'Your notes' }, 'value', notes);
  });

  const offlineCapable = await page.evaluate<boolean>(`'serviceWorker' in navigator && 'caches' in window`);
  if (!offlineCapable) {
    options.log(`  --  offline after one visit: ${page.engine} offers no service workers to this page, so there is nothing to test`);
    return;
  }
  await step('offline: after one visit the workbook opens with the server gone', async () => {
    const served = await options.serveOnce();
    try {
      await page.goto(at('', served.url));
      await until<boolean>(
        'the workbook to be ready offline (a service worker in control)',
        `navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller !== null)`,
        Boolean,
        60_000,
      );
    } finally {
      await served.close();
    }
    await open(at('notes', served.url));
    await visible({ role: 'heading', name: /notes/i });
    await fill({ label: 'Your notes' }, 'Written offline.');
    await page.reload();
    await live();
    await propertyIs({ label: 'Your notes' }, 'value', 'Written offline.');
  });
}
