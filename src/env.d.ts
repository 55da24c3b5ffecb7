/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The client whose page is being rendered, set by the route before the MDX body renders. */
    workbook?: import('./lib/clients.ts').ClientView;
    /** The session's words from the coach page's frontmatter, for `<ThemeCards />`. */
    sessionWords?: { prompts: string[]; followUps: string[] };
  }
}

declare module 'virtual:workbook/content' {
  /** The content, read and checked once by src/integrations/content-check.ts. */
  const content: import('./lib/content-check.ts').Content;
  export default content;
  /** Each workbook page's compiled body by page id; letters have none. */
  export const bodies: Record<string, () => Promise<import('./lib/content-check.ts').PageBody>>;
}
