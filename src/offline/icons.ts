import { Resvg } from '@resvg/resvg-js';
import type { IconSpec } from './manifest.ts';

// Every client gets the same icon, so each size is drawn once per build, not once per client.
const rendered = new Map<string, Uint8Array>();

/** The committed icon with rounded corners, for launchers that show an icon as it is. */
function roundedSvg(svg: string): string {
  const inner = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(svg)?.[1];
  if (inner === undefined) throw new Error('error: src/offline/icon.svg: (root): expected an <svg> element, found none');
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">',
    '<defs><clipPath id="rounded"><rect width="512" height="512" rx="112"/></clipPath></defs>',
    `<g clip-path="url(#rounded)">${inner}</g>`,
    '</svg>',
  ].join('');
}

/**
 * The app icon as a PNG, drawn with resvg at build time from `svg`, the text of
 * src/offline/icon.svg, which the icon route imports through Vite.
 */
export function iconPng(icon: IconSpec, iconSvg: string): Uint8Array {
  const key = `${icon.purpose}-${icon.size}`;
  let png = rendered.get(key);
  if (!png) {
    const svg = icon.purpose === 'any' ? roundedSvg(iconSvg) : iconSvg;
    // The icon has no text, so resvg is spared scanning the system's fonts: about 15 ms per icon here, against 130–180 ms with them.
    png = new Resvg(svg, { fitTo: { mode: 'width', value: icon.size }, font: { loadSystemFonts: false } }).render().asPng();
    rendered.set(key, png);
  }
  return png;
}
