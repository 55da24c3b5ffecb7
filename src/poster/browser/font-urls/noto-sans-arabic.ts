// The Noto Sans Arabic files the live poster may load, as URLs of files Vite copies into the build.
// Only the ones a poster's text needs are ever fetched (see src/poster/fonts.ts).
export const urls: Record<string, string> = import.meta.glob(
  '/node_modules/@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-{400,700}-normal.woff2',
  { query: '?url', import: 'default', eager: true },
);
