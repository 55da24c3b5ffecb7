/**
 * Starts a module worker that the page's service worker serves. A worker loaded
 * from its own URL in `<base>_astro/` sits outside the client's scope
 * (`<base><slug>/`), so its script and everything it fetches would skip the
 * service worker and fail offline. A worker made from a small blob inherits the
 * page's service worker instead; the blob imports the real script.
 *
 * A blob's URL cannot be a base for paths, so the blob first makes `fetch`
 * resolve paths such as `/_astro/layout.wasm` against the page's address, as
 * they would be in a worker started from its own URL.
 */
export function controlledWorker(url: string, options: WorkerOptions = {}): Worker {
  const page = document.baseURI;
  const script = new URL(url, page).href;
  // A static import: the script runs, and sets up its message handler, before any message arrives.
  // The script fetches nothing until asked, so the shim after it is in place by then.
  const source = [
    `import ${JSON.stringify(script)};`,
    `const page = ${JSON.stringify(page)};`,
    'const fetchFromPage = self.fetch.bind(self);',
    "self.fetch = (input, init) => fetchFromPage(typeof input === 'string' || input instanceof URL ? new URL(input, page) : input, init);",
  ].join('\n');
  return new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { ...options, type: 'module' });
}
