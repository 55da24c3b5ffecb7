/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The client whose page is being rendered, set by the route before the MDX body renders. */
    workbook?: import('./lib/clients.ts').ClientView;
  }
}
