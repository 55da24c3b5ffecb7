/**
 * The service worker of one client's workbook, bundled once per build and given
 * each client's own precache list by workbox-build's `injectManifest`
 * (see src/offline/service-worker.ts). Every caching decision is Workbox's; this file
 * only wires its modules together.
 *
 * It is served from `<base><slug>/sw.js`, so its scope is that client's pages
 * and nothing else: coach pages and other clients are never controlled or cached.
 */
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';

/** The parts of ServiceWorkerGlobalScope used here (the DOM typings the project uses do not include it). */
interface WorkbookWorkerScope {
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  /** Replaced by injectManifest with this client's precache list. */
  __WB_MANIFEST: Array<PrecacheEntry | string>;
}

declare const self: WorkbookWorkerScope;

const DAY = 24 * 60 * 60;

const scope = new URL(self.registration.scope);
// Build assets (scripts, styles, fonts, wasm) live beside the client folders in <base>_astro/;
// the live poster's fonts and emoji images in <base>poster-fonts/ and <base>poster-assets/.
const assets = new URL('../_astro/', scope).pathname;
const posterFiles = [new URL('../poster-fonts/', scope).pathname, new URL('../poster-assets/', scope).pathname];

// The first visit is the one that makes the workbook work offline, so the new
// worker takes charge of the open page at once instead of after a reload.
clientsClaim();
cleanupOutdatedCaches();

// Pages are static: a query string (a tracking tag added by a mail app) never changes them.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/./] });

// Files a page loads only when needed (the poster engine: satori and its
// layout.wasm; fonts for characters the workbook's pages do not use) are kept
// after their first use instead of precached for everyone. Their names carry a
// content hash, so once fetched they never change.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith(assets),
  new CacheFirst({
    cacheName: `workbook-assets-${scope.pathname}`,
    plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 180 * DAY, purgeOnQuotaError: true })],
  }),
);

// The poster's font slices and emoji groups, fetched for the characters a poster
// shows: a poster made once online draws the same offline. Their names are
// stable rather than hashed, so they expire after a while and are fetched again.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && posterFiles.some((folder) => url.pathname.startsWith(folder)),
  new CacheFirst({
    cacheName: `workbook-poster-${scope.pathname}`,
    plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 90 * DAY, purgeOnQuotaError: true })],
  }),
);

// A new version waits until the client chooses to reload (the page's update
// prompt sends this message), so a page is never swapped under someone typing.
self.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown } | null;
  if (data && data.type === 'SKIP_WAITING') void self.skipWaiting();
});
