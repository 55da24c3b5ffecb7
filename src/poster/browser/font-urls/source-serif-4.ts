// The Source Serif 4 files the live poster may load, as URLs of files Vite copies into the build.
// Only the ones a poster's text needs are ever fetched (see src/poster/fonts.ts).
export const urls: Record<string, string> = {
  ...import.meta.glob('/node_modules/@fontsource/source-serif-4/files/source-serif-4-*-{400,600}-normal.woff2', {
    query: '?url',
    import: 'default',
    eager: true,
  }),
  ...import.meta.glob('/node_modules/@fontsource/source-serif-4/files/source-serif-4-*-400-italic.woff2', { query: '?url', import: 'default', eager: true }),
};
