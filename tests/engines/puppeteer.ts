/**
 * Firefox (Debian's firefox-esr, over WebDriver BiDi) and Chromium (Debian's
 * chromium, over the DevTools protocol), both driven by puppeteer-core, which
 * never downloads a browser.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/lib/chromium.ts';
import { firstElement, LAPTOP, type EnginePage, type Key, type Viewport } from './driver.ts';
import { findAll, type WireQuery } from './query.ts';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const FIND = findAll.toString();

/** Why Firefox cannot run here, or null when it can. */
export function firefoxMissing(): string | null {
  return existsSync(FIREFOX) ? null : `${FIREFOX} is missing: install the Debian package firefox-esr (.ci/run does).`;
}

export class PuppeteerPage implements EnginePage {
  readonly engine: string;
  private readonly browser: Browser;
  private readonly page: Page;

  private constructor(browser: Browser, page: Page, engine: string) {
    this.browser = browser;
    this.page = page;
    this.engine = engine;
  }

  static async firefox(viewport: Viewport = LAPTOP): Promise<PuppeteerPage> {
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, defaultViewport: viewport });
    return PuppeteerPage.from(browser);
  }

  static async chromium(viewport: Viewport = LAPTOP): Promise<PuppeteerPage> {
    const executablePath = (await findChromium()) ?? (await import('playwright-core')).chromium.executablePath();
    const browser = await puppeteer.launch({ browser: 'chrome', executablePath, headless: true, args: CHROMIUM_ARGS, defaultViewport: viewport });
    return PuppeteerPage.from(browser);
  }

  private static async from(browser: Browser): Promise<PuppeteerPage> {
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    page.setDefaultTimeout(60_000);
    page.setDefaultNavigationTimeout(60_000);
    return new PuppeteerPage(browser, page, await browser.version());
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'load' });
  }

  async evaluate<T>(expression: string): Promise<T> {
    return (await this.page.evaluate(expression)) as T;
  }

  private async element(query: WireQuery): Promise<ElementHandle<Element>> {
    const handle = await this.page.evaluateHandle(firstElement(FIND, query));
    const element = handle.asElement() as ElementHandle<Element> | null;
    if (!element) {
      await handle.dispose();
      throw new Error(`not found: ${JSON.stringify(query)}`);
    }
    return element;
  }

  async click(query: WireQuery): Promise<void> {
    const element = await this.element(query);
    await element.click();
    await element.dispose();
  }

  async fill(query: WireQuery, text: string): Promise<void> {
    const element = await this.element(query);
    // Select what is there, then type over it, as a person replaces a field's text.
    await element.focus();
    await element.evaluate((field) => (field as HTMLInputElement).select());
    await this.page.keyboard.press('Backspace');
    await element.type(text);
    await element.dispose();
  }

  async press(key: Key): Promise<void> {
    // Puppeteer names the space bar by its character.
    await this.page.keyboard.press(key === 'Space' ? ' ' : key);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
