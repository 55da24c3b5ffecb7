import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { iconPng } from '../../src/offline/icons.ts';
import { ICONS } from '../../src/offline/manifest.ts';
import { PosterThread, serveEmojiGroups } from '../../src/poster/build-pool.ts';
import { EMOJI_FOLDER } from '../../src/poster/emoji.ts';
import type { PosterInput } from '../../src/poster/layout.ts';
import { emojiGroupFile, emojiGroups, renderOpenGraphPng, renderPosterPng } from '../../src/poster/node.ts';
import { prebuiltPosterInput } from '../../src/poster/prebuilt.ts';

const thread = new PosterThread();
const folders: string[] = [];
afterAll(async () => {
  await thread.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A fresh output folder and a thread that writes into it. */
function site(): { outDir: string; writer: PosterThread } {
  const outDir = mkdtempSync(join(tmpdir(), 'poster-files-'));
  folders.push(outDir);
  return { outDir, writer: new PosterThread({ outDir }) };
}

describe('the build’s poster thread', () => {
  it('writes the same bytes as drawing on the main thread, in any script', async () => {
    const { outDir, writer } = site();
    try {
      const input = prebuiltPosterInput(['Honesty', 'Семья', '家族 🌱', 'عائلة', 'Ωμέγα']);
      writer.writePoster('maya-x/poster.png', input);
      expect(await writer.imagesWritten()).toBe(1);
      const here = await renderPosterPng(input);
      const written = readFileSync(join(outDir, 'maya-x', 'poster.png'));
      expect(written.byteLength).toBeGreaterThan(10_000);
      expect(written.equals(here.png)).toBe(true);
    } finally {
      await writer.close();
    }
  });

  it('reports a poster it cannot draw as a failure, after writing the others', async () => {
    const { outDir, writer } = site();
    try {
      const broken = { ...prebuiltPosterInput(['Honesty']), size: 'postcard' } as unknown as PosterInput;
      writer.writePoster('maya-x/poster.png', broken);
      writer.writePoster('boris-y/poster.png', prebuiltPosterInput(['Honesty']));
      await expect(writer.imagesWritten()).rejects.toThrow();
      expect(readFileSync(join(outDir, 'boris-y', 'poster.png')).byteLength).toBeGreaterThan(10_000);
    } finally {
      await writer.close();
    }
  });

  it('writes every emoji group the live poster fetches, as the dev server serves them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'poster-thread-'));
    folders.push(dir);
    const groups = await emojiGroups();
    expect(await thread.writeEmoji(dir)).toBe(groups.size);
    const files = readdirSync(join(dir, EMOJI_FOLDER));
    expect(files).toHaveLength(groups.size);
    const group = [...groups.keys()][0] ?? '';
    expect(JSON.parse(readFileSync(join(dir, EMOJI_FOLDER, `${group}.json`), 'utf8'))).toEqual(await emojiGroupFile(group));
  });
});

describe('the emoji groups while `astro dev` runs', () => {
  /** Calls the middleware as Vite's server would, and collects what it answers. */
  function ask(base: string, url: string): Promise<{ next: boolean; status?: number; type?: string; body?: string }> {
    return new Promise((resolve, reject) => {
      const headers = new Map<string, string>();
      const response = {
        statusCode: 200,
        setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value),
        end(body?: string) {
          resolve({ next: false, status: this.statusCode, type: headers.get('content-type'), body });
        },
      };
      serveEmojiGroups(base)({ url } as IncomingMessage, response as unknown as ServerResponse, (error) => (error ? reject(error) : resolve({ next: true })));
    });
  }

  it('serves a group under the site’s base, and leaves every other address to Astro', async () => {
    const group = [...(await emojiGroups()).keys()][0] ?? '';
    const served = await ask('/workbooks', `/workbooks/${EMOJI_FOLDER}/${group}.json?v=1`);
    expect(served.status).toBe(200);
    expect(served.type).toBe('application/json; charset=utf-8');
    expect(JSON.parse(served.body ?? '')).toEqual(await emojiGroupFile(group));
    expect(await ask('/workbooks/', `/${EMOJI_FOLDER}/${group}.json`)).toEqual({ next: true });
    expect(await ask('/', '/maya-x/notes/')).toEqual({ next: true });
  });

  it('answers 404 for a group that does not exist', async () => {
    expect(await ask('/', `/${EMOJI_FOLDER}/../../package.json`)).toMatchObject({ next: false, status: 404 });
    expect(await ask('/', `/${EMOJI_FOLDER}/zzzz.json`)).toMatchObject({ next: false, status: 404 });
  });
});

describe('the app icons from the poster thread', () => {
  it('are the PNGs the route draws itself, at each size', async () => {
    const svg = readFileSync(join(process.cwd(), 'src', 'offline', 'icon.svg'), 'utf8');
    for (const icon of ICONS) {
      const png = await thread.icon(icon);
      expect(Buffer.from(png).readUInt32BE(16)).toBe(icon.size);
      expect(Buffer.from(png).equals(Buffer.from(iconPng(icon, svg)))).toBe(true);
    }
  });
});

describe('the link-preview images from the poster thread', () => {
  it('are the image drawn on the main thread, one copy in each client folder', async () => {
    const { outDir, writer } = site();
    try {
      const input = { title: 'Your values workbook', coach: 'Jordan Ellis' };
      writer.writeOpenGraph('maya-x/og.png', input);
      writer.writeOpenGraph('boris-y/og.png', { ...input });
      expect(await writer.imagesWritten()).toBe(2);
      const here = await renderOpenGraphPng(input);
      for (const slug of ['maya-x', 'boris-y']) expect(readFileSync(join(outDir, slug, 'og.png')).equals(here.png)).toBe(true);
    } finally {
      await writer.close();
    }
  });
});

describe('posters the thread writes into the built site itself', () => {
  it('writes each poster at its path, the last one asked for winning, and counts them', async () => {
    const { outDir, writer } = site();
    try {
      const first = prebuiltPosterInput(['Honesty', 'Family']);
      const second = prebuiltPosterInput(['Adventure', 'Семья']);
      writer.writePoster('maya-x/poster.png', first);
      writer.writePoster('maya-x/poster.png', first);
      writer.writePoster('maya-x/poster.png', second);
      writer.writePoster('boris-y/poster.png', first);
      expect(await writer.imagesWritten()).toBe(2);
      const [maya, boris, drawnSecond, drawnFirst] = await Promise.all([
        Promise.resolve(readFileSync(join(outDir, 'maya-x', 'poster.png'))),
        Promise.resolve(readFileSync(join(outDir, 'boris-y', 'poster.png'))),
        renderPosterPng(second),
        renderPosterPng(first),
      ]);
      expect(maya.equals(drawnSecond.png)).toBe(true);
      expect(boris.equals(drawnFirst.png)).toBe(true);
    } finally {
      await writer.close();
    }
  });

  it('draws expected posters ahead, but writes only the ones a route asks for', async () => {
    const { outDir, writer } = site();
    try {
      writer.expectPoster(prebuiltPosterInput(['Honesty']));
      writer.expectPoster(prebuiltPosterInput(['Family']));
      // The route asks for Maya's poster, with the same themes: it is drawn and written once.
      writer.writePoster('maya-x/poster.png', prebuiltPosterInput(['Honesty']));
      expect(await writer.imagesWritten()).toBe(1);
      expect(existsSync(join(outDir, 'maya-x', 'poster.png'))).toBe(true);
      expect(readdirSync(outDir)).toEqual(['maya-x']);
    } finally {
      await writer.close();
    }
  });

  it('draws at once but writes nothing until the output folder may be written', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'poster-files-'));
    folders.push(outDir);
    const writer = new PosterThread({ outDir, waitForOutput: true });
    try {
      writer.writePoster('maya-x/poster.png', prebuiltPosterInput(['Honesty']));
      // Drawing a poster takes a fraction of this; the file must still not be there.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(existsSync(join(outDir, 'maya-x', 'poster.png'))).toBe(false);
      writer.openOutput();
      expect(await writer.imagesWritten()).toBe(1);
      expect(existsSync(join(outDir, 'maya-x', 'poster.png'))).toBe(true);
    } finally {
      await writer.close();
    }
  });

  it('reports a poster it could not write as a failure of the build', async () => {
    const { outDir, writer } = site();
    // A file where the client's folder should be: the thread cannot create the folder.
    writeFileSync(join(outDir, 'maya-x'), 'in the way');
    try {
      writer.writePoster('maya-x/poster.png', prebuiltPosterInput(['Honesty']));
      await expect(writer.imagesWritten()).rejects.toThrow(/maya-x/);
    } finally {
      await writer.close();
    }
  });
});
