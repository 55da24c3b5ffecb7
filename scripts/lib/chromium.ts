import { existsSync } from 'node:fs';

/** Flags that keep headless Chromium quiet on a closed network and in containers. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const CHROMIUM_MISSING = 'Chromium not found: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.';

/**
 * Finds the browser for tests and PDFs: `$CHROMIUM_PATH`, then Debian's
 * `/usr/bin/chromium`, then a browser Playwright installed itself.
 * Returns `undefined` for "use Playwright's own", or throws when there is none.
 */
export async function findChromium(): Promise<string | undefined> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is ${fromEnv}, but no file is there. ${CHROMIUM_MISSING}`);
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const { chromium } = await import('playwright-core');
  const own = chromium.executablePath();
  if (own && existsSync(own)) return undefined;
  throw new Error(CHROMIUM_MISSING);
}

/** The Chromium to drive, for a config or a script: when there is none, prints why in one line and exits. */
export async function chromiumOrExit(): Promise<string | undefined> {
  try {
    return await findChromium();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
