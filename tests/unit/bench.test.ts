import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measured, median, meetsTarget, round, treeRssKB } from '../../scripts/lib/bench.ts';
import { buildCases, durationSeconds, phases } from '../../scripts/bench/build-scaling.ts';
import { launcherFeaturesOff } from '../../scripts/bench/lighthouse.ts';
import { withoutParts } from '../../scripts/lib/build-parts.ts';
import config from '../../astro.config.mjs';
import { SHARED_ASTRO_SETTINGS, syntheticClient, writeSyntheticContent } from '../../scripts/lib/synthetic.ts';
import { checkContent } from '../../src/lib/content-check.ts';
import { isPrivateSlug } from '../../src/lib/slug.ts';

describe('bench helpers', () => {
  it('take medians of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('check targets written with a comparison, and only those', () => {
    expect(meetsTarget(1.2, '<= 1.3x')).toBe(true);
    expect(meetsTarget(1.31, '<= 1.3x')).toBe(false);
    expect(meetsTarget(61, '<= 60 s')).toBe(false);
    expect(meetsTarget(100, '= 100')).toBe(true);
    expect(meetsTarget(99, '= 100')).toBe(false);
    expect(meetsTarget(95, '>= 90')).toBe(true);
    expect(meetsTarget(5, 'fast')).toBeUndefined();
    expect(meetsTarget(5, undefined)).toBeUndefined();
  });

  it('round for display', () => {
    expect(round(1.23456)).toBe('1.23');
    expect(round(123.6)).toBe('124');
  });

  it('measure the memory of this process tree from /proc', () => {
    expect(treeRssKB(process.pid)).toBeGreaterThan(1000);
  });
});

describe('synthetic content', () => {
  it('gives each client a private slug and 9 themes in mixed scripts', () => {
    const client = syntheticClient(3);
    expect(isPrivateSlug(client.slug)).toBe(true);
    expect(client.themes).toHaveLength(9);
    expect(client.yaml.match(/^ {2}- name:/gm)).toHaveLength(9);
    expect(client.themes.map((theme) => theme.name).join(' ')).toMatch(/[^\p{Script=Latin}\p{Script=Common}\s]/u);
  });

  it('gives no two of 100 clients the same themes in the same order, so each has a poster of its own', () => {
    const lists = Array.from({ length: 100 }, (_, index) => JSON.stringify(syntheticClient(index).themes.map((theme) => theme.name)));
    expect(new Set(lists).size).toBe(100);
  });

  it('hides no client’s name or evidence inside another’s', () => {
    const clients = Array.from({ length: 150 }, (_, index) => syntheticClient(index));
    for (const client of clients) {
      const others = clients.filter((other) => other !== client);
      for (const text of [client.name, ...client.evidence]) expect(others.filter((other) => other.yaml.includes(text))).toEqual([]);
    }
  });

  it('writes two sessions, values then goals, that pass the content check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'synthetic-'));
    try {
      const [client] = writeSyntheticContent(dir, 3, process.cwd(), 2);
      expect(client?.yaml).toMatch(/sessions:\n {2}- workbook: values\n {4}date: 2026-11-01\n {2}- workbook: goals\n {4}date: 2026-12-01/);
      expect(checkContent(dir).filter((problem) => problem.level === 'error')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a client number it cannot make', () => {
    expect(() => syntheticClient(1000)).toThrow(/index: expected a whole number from 0 to 999, found 1000/);
  });

  it('passes the content check the build runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'synthetic-'));
    try {
      const clients = writeSyntheticContent(dir, 12);
      expect(new Set(clients.map((client) => client.slug)).size).toBe(12);
      expect(readdirSync(join(dir, 'clients'))).toHaveLength(12);
      expect(checkContent(dir).filter((problem) => problem.level === 'error')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the build bench’s cases', () => {
  it('builds one session per client at each size, and two sessions at the largest', () => {
    expect(buildCases([1, 10, 100])).toEqual([
      { clients: 1, sessions: 1 },
      { clients: 10, sessions: 1 },
      { clients: 100, sessions: 1 },
      { clients: 100, sessions: 2 },
    ]);
    expect(buildCases([])).toEqual([]);
  });
});

describe('the bare project of the build bench', () => {
  it('builds with the same Astro settings as this project', async () => {
    const ours = (await import('../../astro.config.mjs')).default;
    const bare = new Function('process', `return ${SHARED_ASTRO_SETTINGS};`)({ env: {} }) as Record<string, unknown>;
    for (const [key, value] of Object.entries(bare)) {
      if (key === 'outDir') continue;
      expect({ [key]: (ours as Record<string, unknown>)[key] }).toEqual({ [key]: value });
    }
    expect(ours.build).toEqual(bare.build);
  });
});

describe('where a build’s time goes, from Astro’s log', () => {
  it('reads each step’s duration however Astro writes it', () => {
    expect(durationSeconds('850ms')).toBe(0.85);
    expect(durationSeconds('3.41s')).toBe(3.41);
    expect(durationSeconds('2m 32s')).toBe(152);
    expect(durationSeconds('soon')).toBeUndefined();
    const log =
      '\u001b[2m[types]\u001b[22m Generated 660ms\n✓ built in 2.09s\n✓ built in 900ms\n generating static routes \n▶ a\n✓ Completed in 3.21s.\n12 page(s) built in 1m 2s';
    expect(phases(log)).toEqual([0.66, 2.09, 0.9, 3.21, 62]);
  });

  it('reports a step missing from the log as missing, not as 0', () => {
    expect(phases('12 page(s) built in 4.2s')).toEqual([undefined, undefined, undefined, undefined, 4.2]);
    expect(round(undefined)).toBe('missing');
    expect(round(Number.NaN)).toBe('missing');
    expect(meetsTarget(undefined, '<= 2.0x')).toBeUndefined();
    expect(measured(Number.NaN)).toBeUndefined();
    expect(measured(1.5)).toBe(1.5);
  });
});

describe('the Lighthouse bench’s browser', () => {
  it('keeps the features Lighthouse’s launcher turns off, but leaves RenderDocument on as Chromium ships it', async () => {
    const { flag, changed } = await launcherFeaturesOff();
    const features = flag.replace('--disable-features=', '').split(',');
    expect(flag.startsWith('--disable-features=')).toBe(true);
    expect(features).not.toContain('RenderDocument');
    // The installed launcher turns RenderDocument off, so the bench has something to change.
    expect(changed).toBe(true);
    expect(features).toEqual(expect.arrayContaining(['Translate', 'MediaRouter']));
  });
});

describe('build parts', () => {
  const names = (parts: Parameters<typeof withoutParts>[1]) => withoutParts(config, parts).integrations.map((integration) => integration.name);
  const posterAssets = (parts: Parameters<typeof withoutParts>[1]) =>
    withoutParts(config, parts).integrations.find((integration) => integration.name === 'workbook-poster-assets');

  it('switches off only the parts it is given', () => {
    expect(names([])).toContain('workbook-offline');
    expect(names(['offline'])).not.toContain('workbook-offline');
    expect(names(['offline'])).toContain('workbook-poster-assets');
    expect(posterAssets([])?.hooks['astro:build:done']).toBeTypeOf('function');
    expect(posterAssets(['poster-files'])?.hooks['astro:build:done']).toBeUndefined();
    expect(posterAssets(['poster-files'])?.hooks['astro:config:setup']).toBeTypeOf('function');
  });

  it('stubs the worker imports and the image routes with plugins of its own', () => {
    const plugins = (parts: Parameters<typeof withoutParts>[1]) =>
      (withoutParts(config, parts).vite?.plugins ?? []).flatMap((plugin) => (plugin && 'name' in plugin ? [plugin.name] : []));
    expect(plugins([])).not.toContain('build-parts-no-workers');
    expect(plugins(['poster-worker', 'images'])).toEqual(expect.arrayContaining(['build-parts-no-workers', 'build-parts-no-images']));
    // The project's own config is left as it was.
    expect(config.integrations).toHaveLength(names([]).length);
    expect(posterAssets(['poster-files'])).not.toBe(
      config.integrations?.find((integration) => integration && 'name' in integration && integration.name === 'workbook-poster-assets'),
    );
  });
});
