/**
 * One browser page, whatever engine runs it. The journey (journey.ts) is
 * written once against this; webdriver.ts (WebKit) and puppeteer.ts (Firefox,
 * Chromium) implement it.
 */
import type { WireQuery } from './query.ts';

/** Keys the journey presses, as a keyboard user does. */
export type Key = 'Enter' | 'Space' | 'Tab' | 'ArrowUp' | 'ArrowDown' | 'Escape';

export interface Viewport {
  width: number;
  height: number;
}

/** The window every engine gets unless asked otherwise. */
export const LAPTOP: Viewport = { width: 1280, height: 900 };

export interface EnginePage {
  /** The engine's name and version, for the report. */
  readonly engine: string;
  /** Opens an address and waits for the load event. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /**
   * Evaluates a JavaScript expression in the page (awaiting a promise) and
   * returns its JSON value.
   */
  evaluate<T>(expression: string): Promise<T>;
  /** Clicks the first element the query finds, through the engine's own input. Rejects when none is found. */
  click(query: WireQuery): Promise<void>;
  /** Replaces a field's text by typing, through the engine's own input. */
  fill(query: WireQuery, text: string): Promise<void>;
  /** Presses one key in the focused element. */
  press(key: Key): Promise<void>;
  close(): Promise<void>;
}

/** An expression that returns the first element the query finds, or null. */
export function firstElement(findAllSource: string, query: WireQuery): string {
  return `(${findAllSource})(${JSON.stringify(query)})[0] ?? null`;
}
