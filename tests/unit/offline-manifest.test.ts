import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_COLOR, ICONS, THEME_COLOR, clientHome, shortName, webManifest } from '../../src/offline/manifest.ts';

const maya = { slug: 'maya-y4185fjpwqev9y4j6fk69oit', greeting: 'Maya', workbook: 'values', coach: { name: 'Jordan Ellis' } };

describe('a client’s web app manifest', () => {
  it('is scoped to the client’s folder, under the site’s base', () => {
    for (const base of ['/', '/workbooks/', '/workbooks']) {
      const home = base === '/' ? `/${maya.slug}/` : `/workbooks/${maya.slug}/`;
      expect(clientHome(base, maya.slug)).toBe(home);
      const manifest = webManifest(maya, base);
      expect(manifest).toMatchObject({ id: home, start_url: home, scope: home, display: 'standalone' });
      const site = base === '/' ? '/' : '/workbooks/';
      expect(manifest.icons.map((icon) => icon.src)).toEqual([`${site}icon-192.png`, `${site}icon-512.png`, `${site}maskable-512.png`]);
    }
  });

  it('is named for the client and their workbook', () => {
    const manifest = webManifest(maya, '/');
    expect(manifest.name).toBe("Maya's values workbook");
    expect(manifest.description).toContain('Jordan Ellis');
    expect(webManifest({ ...maya, greeting: 'Борис', workbook: 'goals-2027' }, '/').name).toBe("Борис's goals 2027 workbook");
  });

  it('has a short name that fits under a home-screen icon', () => {
    expect(shortName({ greeting: 'Ana', workbook: 'values' })).toBe("Ana's values");
    expect(shortName({ greeting: 'Maya', workbook: 'values' })).toBe('Values');
    expect(shortName({ greeting: '家', workbook: 'values' })).toBe("家's values");
    expect(shortName({ greeting: 'Alexandra', workbook: 'goals' })).toBe('Goals');
  });

  it('lists any-purpose icons at 192 and 512 px and a maskable one, but not the iOS icon', () => {
    const icons = webManifest(maya, '/').icons.map((icon) => `${icon.sizes} ${icon.purpose}`);
    expect(icons).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    expect(ICONS.find((icon) => icon.purpose === 'apple')?.size).toBe(180);
  });

  it('uses the site’s own colours', () => {
    const css = readFileSync('src/styles/global.css', 'utf8');
    expect(css).toContain(`--accent: ${THEME_COLOR};`);
    expect(css).toContain(`--paper: ${BACKGROUND_COLOR};`);
  });
});
