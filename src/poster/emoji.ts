/**
 * Emoji are drawn as Twemoji images (the @twemoji/svg package, CC-BY 4.0
 * graphics), never from a font and never fetched from another site.
 */

/** Twemoji file names (without `.svg`) that may hold a grapheme, most likely first. */
export function emojiCodes(grapheme: string): string[] {
  const hex = (text: string) =>
    Array.from(text)
      .map((char) => (char.codePointAt(0) ?? 0).toString(16))
      .join('-');
  // Twemoji keeps the emoji variation selector only inside joined sequences.
  const withoutSelector = grapheme.replace(/\ufe0f/g, '');
  const first = grapheme.includes('\u200d') ? hex(grapheme) : hex(withoutSelector);
  return [...new Set([first, hex(grapheme), hex(withoutSelector)])];
}

const SKIN_TONES = new Set(['1f3fb', '1f3fc', '1f3fd', '1f3fe', '1f3ff']);

/** Where the emoji groups are served, under the site's base: `<folder>/<group>.json`. */
export const EMOJI_FOLDER = 'poster-assets/emoji';

/**
 * The group a Twemoji file is served in to the browser. Files are bundled by
 * their first code point in blocks of 16, and sequences with a skin tone in a
 * group of their own per tone, so a poster with one emoji fetches one small
 * file (about 12 KB for most) instead of the whole 8 MB set.
 */
export function emojiGroup(code: string): string {
  const parts = code.split('-');
  const first = Number.parseInt(parts[0] ?? '0', 16);
  const tone = parts.slice(1).find((part) => SKIN_TONES.has(part));
  return `${Math.floor(first / 16).toString(16)}${tone ? `-${tone}` : ''}`;
}

/** An SVG as a data URL Satori can draw. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${base64(svg)}`;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
