import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PosterThread } from '../../src/poster/build-pool.ts';
import { drawingVersion, ImageCache } from '../../src/poster/image-cache.ts';
import { prebuiltPosterInput } from '../../src/poster/prebuilt.ts';

const folders: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'image-cache-'));
  folders.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** A small but real PNG: the 8-byte signature, then filler standing in for its chunks. */
const png = (fill: number) => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(120).fill(fill)]);

describe('the images kept between builds', () => {
  it('gives back what was kept for the same request, and nothing for another', async () => {
    const cache = new ImageCache(folder(), 'v1');
    await cache.put('poster', { themes: ['Honesty'] }, png(1));
    expect(await cache.get('poster', { themes: ['Honesty'] })).toEqual(Buffer.from(png(1)));
    expect(await cache.get('poster', { themes: ['Family'] })).toBeUndefined();
    expect(await cache.get('og', { themes: ['Honesty'] })).toBeUndefined();
  });

  it('forgets everything when the drawing code or its packages change', async () => {
    const dir = folder();
    await new ImageCache(dir, 'v1').put('poster', { themes: ['Honesty'] }, png(1));
    expect(await new ImageCache(dir, 'v2').get('poster', { themes: ['Honesty'] })).toBeUndefined();
    // The real version is a hash of the poster code, the icon and the package versions.
    expect(drawingVersion()).toMatch(/^[0-9a-f]{32}$/);
    expect(drawingVersion()).toBe(drawingVersion());
  });

  it('draws again instead of serving a damaged entry', async () => {
    const dir = folder();
    const cache = new ImageCache(dir, 'v1');
    await cache.put('poster', { themes: ['Honesty'] }, png(1));
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file ?? ''), 'not a png');
    expect(await cache.get('poster', { themes: ['Honesty'] })).toBeUndefined();
  });

  it('deletes entries nobody asked for in 30 days, and keeps the rest', async () => {
    const dir = folder();
    const cache = new ImageCache(dir, 'v1');
    await cache.put('poster', { themes: ['Old'] }, png(1));
    const [old] = readdirSync(dir);
    const longAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    utimesSync(join(dir, old ?? ''), longAgo, longAgo);
    await cache.put('poster', { themes: ['New'] }, png(2));
    expect(await cache.prune()).toBe(1);
    expect(existsSync(join(dir, old ?? ''))).toBe(false);
    expect(await cache.get('poster', { themes: ['New'] })).toBeDefined();
  });

  it('lets a second build’s poster thread use the first one’s posters', async () => {
    const dir = folder();
    const outDir = folder();
    const input = prebuiltPosterInput(['Honesty', 'Семья']);
    const first = new PosterThread({ cacheDir: dir, outDir });
    first.writePoster('maya-x/poster.png', input);
    await first.imagesWritten();
    await first.close();
    expect(readdirSync(dir).filter((name) => name.startsWith('poster-'))).toHaveLength(1);
    expect(readFileSync(join(outDir, 'maya-x', 'poster.png')).byteLength).toBeGreaterThan(10_000);
    // Put a marker in the kept file: the next build must write it rather than draw again.
    await new ImageCache(dir).put('poster', input, png(7));
    const second = new PosterThread({ cacheDir: dir, outDir });
    second.writePoster('maya-x/poster.png', input);
    await second.imagesWritten();
    await second.close();
    expect(readFileSync(join(outDir, 'maya-x', 'poster.png'))).toEqual(Buffer.from(png(7)));
  });
});
