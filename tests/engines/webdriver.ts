/**
 * WebKit (Safari's engine) through Debian's webkit2gtk-driver: WebKitWebDriver
 * starts MiniBrowser under a virtual X display (xvfb-run), and this file speaks
 * the W3C WebDriver protocol to it over HTTP. No browser or driver is downloaded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { firstElement, LAPTOP, type EnginePage, type Key, type Viewport } from './driver.ts';
import { findAll, type WireQuery } from './query.ts';

export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
/** WebDriver's code points for the keys the journey presses. */
const KEYS: Record<Key, string> = { Enter: '\uE007', Space: '\uE00D', Tab: '\uE004', ArrowUp: '\uE013', ArrowDown: '\uE015', Escape: '\uE00C' };
const FIND = findAll.toString();

/** Why WebKit cannot run here, or null when it can. */
export function webkitMissing(): string | null {
  for (const [file, pkg] of [
    [WEBKIT_DRIVER, 'webkit2gtk-driver'],
    [MINIBROWSER, 'webkit2gtk-driver'],
    ['/usr/bin/xvfb-run', 'xvfb'],
  ] as const) {
    if (!existsSync(file)) return `${file} is missing: install the Debian package ${pkg} (.ci/run does).`;
  }
  return null;
}

/** A free TCP port on 127.0.0.1, or WEBDRIVER_PORT when set. */
export async function freePort(): Promise<number> {
  if (process.env.WEBDRIVER_PORT) return Number(process.env.WEBDRIVER_PORT);
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A running WebKitWebDriver under xvfb-run; `stop()` ends it and its browser. */
export interface WebKitDriver {
  url: string;
  stop(): Promise<void>;
}

export async function startWebKitDriver(): Promise<WebKitDriver> {
  const port = await freePort();
  // Its own process group, so stopping it also ends Xvfb and MiniBrowser.
  const child: ChildProcess = spawn('xvfb-run', ['-a', WEBKIT_DRIVER, `--port=${port}`, '--host=127.0.0.1'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    await Promise.race([new Promise((resolve) => child.once('exit', resolve)), sleep(3000)]);
  };
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver stopped at once (exit ${child.exitCode}):\n${output}`);
    try {
      const status = (await (await fetch(`${url}/status`)).json()) as { value?: { ready?: boolean } };
      if (status.value?.ready) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  await stop();
  throw new Error(`WebKitWebDriver did not answer on ${url} within 20 s:\n${output}`);
}

class WebDriverError extends Error {}

/** A page in MiniBrowser, driven over W3C WebDriver. */
export class WebDriverPage implements EnginePage {
  readonly engine: string;
  private readonly session: string;

  private constructor(session: string, engine: string) {
    this.session = session;
    this.engine = engine;
  }

  static async open(driverUrl: string, viewport: Viewport = LAPTOP): Promise<WebDriverPage> {
    const created = await command<{ sessionId: string; capabilities: { browserVersion?: string } }>(`${driverUrl}/session`, 'POST', {
      capabilities: {
        alwaysMatch: {
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
          timeouts: { script: 60_000, pageLoad: 60_000 },
        },
      },
    });
    const page = new WebDriverPage(`${driverUrl}/session/${created.sessionId}`, `WebKitGTK ${created.capabilities.browserVersion ?? ''}`.trim());
    // The window's outer size: close to the viewport the other engines get.
    await page.send('/window/rect', 'POST', viewport).catch(() => undefined);
    return page;
  }

  private send<T>(path: string, method: 'GET' | 'POST' | 'DELETE' = 'POST', body: unknown = {}): Promise<T> {
    return command<T>(`${this.session}${path}`, method, method === 'GET' ? undefined : body);
  }

  async goto(url: string): Promise<void> {
    await this.send('/url', 'POST', { url });
  }

  async reload(): Promise<void> {
    await this.send('/refresh');
  }

  async evaluate<T>(expression: string): Promise<T> {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${expression})).then((value) => done({ value: value === undefined ? null : value }), (error) => done({ error: String(error && error.stack || error) }));`;
    const result = await this.send<{ value: T; error?: string }>('/execute/async', 'POST', { script, args: [] });
    if (result.error) throw new Error(`In the page: ${result.error}`);
    return result.value;
  }

  private async element(query: WireQuery): Promise<string> {
    const found = await this.send<Record<string, string> | null>('/execute/sync', 'POST', { script: `return ${firstElement(FIND, query)};`, args: [] });
    const id = found?.[ELEMENT];
    if (!id) throw new Error(`not found: ${JSON.stringify(query)}`);
    return id;
  }

  async click(query: WireQuery): Promise<void> {
    const id = await this.element(query);
    // Into the middle of the window, clear of the sticky bars at its edges, as a person scrolls before tapping.
    await this.send('/execute/sync', 'POST', { script: `arguments[0].scrollIntoView({ block: 'center' });`, args: [{ [ELEMENT]: id }] });
    await this.send(`/element/${id}/click`);
  }

  async fill(query: WireQuery, text: string): Promise<void> {
    const id = await this.element(query);
    await this.send(`/element/${id}/clear`);
    // A line break is typed as the Enter key, as on a keyboard.
    await this.send(`/element/${id}/value`, 'POST', { text: text.replace(/\n/g, KEYS.Enter) });
  }

  async press(key: Key): Promise<void> {
    const value = KEYS[key];
    await this.send('/actions', 'POST', {
      actions: [
        {
          type: 'key',
          id: 'keyboard',
          actions: [
            { type: 'keyDown', value },
            { type: 'keyUp', value },
          ],
        },
      ],
    });
  }

  async close(): Promise<void> {
    await this.send('', 'DELETE').catch(() => undefined);
  }
}

async function command<T>(url: string, method: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const reply = (await response.json()) as { value: T & { error?: string; message?: string } };
  if (!response.ok)
    throw new WebDriverError(`WebDriver ${method} ${new URL(url).pathname}: ${reply.value?.error ?? response.status}: ${reply.value?.message ?? ''}`);
  return reply.value;
}
