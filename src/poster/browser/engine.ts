/**
 * The poster engine in the browser: satori/standalone with its layout.wasm,
 * fonts and emoji from this site. Everything here is loaded by dynamic import
 * from the poster island, so no other page ever downloads it.
 */
import type { FamilyId, FontFile, RangeTable } from '../fonts.ts';
import { posterFontUrl } from './font-urls/index.ts';
import { EMOJI_FOLDER, emojiGroup } from '../emoji.ts';
import { posterLayout, type PosterInput } from '../layout.ts';
import { baseFonts, PosterFonts, type PosterEngine, type SatoriCall } from '../render.ts';

type Loader<T> = () => Promise<T>;

const RANGES: Record<FamilyId, Loader<{ default: RangeTable }>> = {
  inter: () => import('@fontsource/inter/unicode.json'),
  'source-serif-4': () => import('@fontsource/source-serif-4/unicode.json'),
  'noto-sans': () => import('@fontsource/noto-sans/unicode.json'),
  'noto-sans-arabic': () => import('@fontsource/noto-sans-arabic/unicode.json'),
  'noto-sans-hebrew': () => import('@fontsource/noto-sans-hebrew/unicode.json'),
  'noto-sans-devanagari': () => import('@fontsource/noto-sans-devanagari/unicode.json'),
  'noto-sans-thai': () => import('@fontsource/noto-sans-thai/unicode.json'),
  'noto-sans-sc': () => import('@fontsource/noto-sans-sc/unicode.json'),
  'noto-sans-jp': () => import('@fontsource/noto-sans-jp/unicode.json'),
  'noto-sans-kr': () => import('@fontsource/noto-sans-kr/unicode.json'),
};

async function fetchOk(url: string, what: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${what} (${url}): the server answered ${response.status}.`);
  return response;
}

/** Builds the browser engine. `base` is the site's base path, where the emoji groups are served. */
export function browserEngine(satori: SatoriCall, base: string): PosterEngine {
  const emojiGroups = new Map<string, Promise<Record<string, string>>>();
  return {
    satori,
    ranges: async (family) => (await RANGES[family]()).default,
    async fontFile(file: FontFile) {
      return (await fetchOk(posterFontUrl(base, file), 'a poster font')).arrayBuffer();
    },
    async emojiSvg(code: string) {
      const group = emojiGroup(code);
      let files = emojiGroups.get(group);
      if (!files) {
        files = fetchOk(`${base}${EMOJI_FOLDER}/${group}.json`, 'emoji images').then((response) => response.json() as Promise<Record<string, string>>);
        emojiGroups.set(group, files);
        files.catch(() => emojiGroups.delete(group));
      }
      return (await files)[code];
    },
  };
}

/**
 * Loads satori/standalone and its layout.wasm. Rejects when either cannot be
 * loaded or compiled, so the island can offer the build-time poster instead.
 * With `firstPoster`, the fonts that poster needs are fetched while the engine
 * compiles, rather than after: on a busy phone both take a while.
 */
export async function startEngine(base: string, stage: (name: string) => void = () => undefined, firstPoster?: PosterInput): Promise<PosterFonts> {
  let compiled: (satori: SatoriCall) => void = () => undefined;
  const whenCompiled = new Promise<SatoriCall>((resolve) => (compiled = resolve));
  const later: SatoriCall = async (...call) => (await whenCompiled)(...call);
  const fonts = new PosterFonts(browserEngine(later, base));
  if (firstPoster) {
    baseFonts(posterLayout({ ...firstPoster, scale: 1 }), fonts).then(
      () => stage('fonts-loaded'),
      // A font that fails now fails again, with its message, when the poster is drawn.
      () => undefined,
    );
  }
  const [standalone, wasm] = await Promise.all([import('satori/standalone'), import('satori/layout.wasm?url')]);
  stage('satori-loaded');
  await standalone.init(wasm.default);
  stage('wasm-compiled');
  const satori = standalone.default as unknown as SatoriCall;
  // Satori compiles its layout engine on first use: an empty render here makes
  // a broken download fail now, while the page can still offer the fallback.
  await satori(
    { type: 'div', props: { style: { display: 'flex' } } },
    { width: 1, height: 1, fonts: [], loadAdditionalAsset: async () => [], onNodeDetected: () => undefined },
  );
  stage('satori-warm');
  compiled(satori);
  return fonts;
}
