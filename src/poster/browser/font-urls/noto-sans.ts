// The Noto Sans files the live poster may load, as URLs of files Vite copies into the build.
// Only the ones a poster's text needs are ever fetched (see src/poster/fonts.ts).
export const urls: Record<string, string> = import.meta.glob(
  '/node_modules/@fontsource/noto-sans/files/noto-sans-{latin,latin-ext,greek,greek-ext,cyrillic,cyrillic-ext,vietnamese}-{400,700}-normal.woff2',
  { query: '?url', import: 'default', eager: true },
);
