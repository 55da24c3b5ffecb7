/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The client whose page is being rendered, set by the route before the MDX body renders. */
    workbook?: import('./lib/clients.ts').ClientView;
    /** The session's words from the coach page's frontmatter, for `<ThemeCards />`. */
    sessionWords?: { prompts: string[]; followUps: string[] };
  }
}
