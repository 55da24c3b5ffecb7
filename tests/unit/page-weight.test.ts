import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/schemas/problems.ts';
import { initWeigher, measure, pageReferences, type PageWeigher } from '../../scripts/lib/page-weight.ts';
import { builtPages, pageKind, urlPath } from '../../scripts/lib/pages.ts';
import { checkBudget } from '../../scripts/lib/size-budget.ts';

const SLUG = 'maya-abcdefghij0123456789klmn';
const ENGINE = 'throw Error("The layout engine is not initialized.")';
const WASM = Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]);
let dist: string;

function write(path: string, content: string | Buffer) {
  const full = join(dist, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
}

/** Incompressible bytes, so a chunk's gzip size is close to its raw size. */
function noise(bytes: number, seed: number): string {
  let state = seed;
  let out = '';
  while (out.length < bytes) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += state.toString(36);
  }
  return `/*${out.slice(0, bytes)}*/`;
}

function page(body: string, head = ''): string {
  return `<!DOCTYPE html><html lang="en"><head><title>t</title>${head}<link rel="stylesheet" href="/_astro/site.css"></head><body>${body}</body></html>`;
}

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'page-weight-'));
  write('_astro/site.css', 'body{color:#222}');
  write('_astro/react.js', `export const r=1;${noise(30_000, 1)}`);
  write('_astro/client.js', `import{r}from"./react.js";export default r;${noise(20_000, 2)}`);
  write('_astro/Chains.js', `import{r}from"./react.js";import"./shared.js";export default ()=>r;`);
  write('_astro/shared.js', `export const s=2;${noise(2_000, 3)}`);
  write('_astro/Poster.js', `import{r}from"./react.js";const m=["_astro/layout.wasm"];export default ()=>import("./standalone.js").then(()=>m);`);
  write('_astro/standalone.js', `${ENGINE};${noise(50_000, 4)}`);
  write('_astro/layout.wasm', WASM);
  write('_astro/Big.js', `import{r}from"./react.js";export default r;${noise(90_000, 5)}`);
  write('_astro/copy.js', 'navigator.clipboard.writeText("x");');

  const island = (component: string) =>
    `<astro-island uid="1" component-url="/_astro/${component}.js" component-export="default" renderer-url="/_astro/client.js" props="{&quot;a&quot;:&quot;&gt;&quot;}" ssr client="load"><button>x</button></astro-island>`;
  const runtime = '<script>(()=>{customElements.define("astro-island",class extends HTMLElement{})})();</script>';
  write('index.html', page('<main><h1>Hi</h1></main><script type="application/ld+json">{"a":1}</script>'));
  write(`${SLUG}/index.html`, page('<main><p>No island, but a script.</p></main><script type="module" src="/_astro/copy.js"></script>'));
  write('coach/index.html', page('<main><p>No island, but a script.</p></main><script type="module" src="/_astro/copy.js"></script>'));
  write(`${SLUG}/value-chains/index.html`, page(`${runtime}${island('Chains')}`));
  write(`${SLUG}/rank/index.html`, page(`${runtime}${island('Big')}`));
  write(`${SLUG}/poster/index.html`, page(`${runtime}${island('Poster')}`, '<link rel="modulepreload" href="../../_astro/shared.js">'));
  write(`${SLUG}/print/index.html`, page(`${runtime}${island('Poster')}<script src="/_astro/gone.js"></script>`));
  write('old/index.html', '<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0;url=/"></head><body></body></html>');
});

afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('built pages', () => {
  it('are found by walking the build, with their URLs and kinds, leaving out redirects', () => {
    const pages = builtPages(dist);
    expect(pages.map((found) => [found.path, found.kind])).toEqual([
      ['/', 'site home'],
      ['/coach/', 'coach dashboard'],
      [`/${SLUG}/`, 'client home'],
      [`/${SLUG}/poster/`, 'poster page'],
      [`/${SLUG}/print/`, 'print page'],
      [`/${SLUG}/rank/`, 'ranking page'],
      [`/${SLUG}/value-chains/`, 'homework page'],
    ]);
  });

  it('get their kind from the URL', () => {
    expect(pageKind('/coach/')).toBe('coach dashboard');
    expect(pageKind(`/coach/${SLUG}/letter/`)).toBe('coach page');
    expect(pageKind(`/${SLUG}/notes/`)).toBe('homework page');
    expect(pageKind(`/${SLUG}/lens/`)).toBe('homework page');
    expect(pageKind(`/${SLUG}/goals/your-goals/`)).toBe('homework page');
    expect(pageKind('/about/')).toBe('other page');
    expect(urlPath('404.html')).toBe('/404.html');
    expect(urlPath('a/b/index.html')).toBe('/a/b/');
  });
});

describe('page references', () => {
  it('lists script src, modulepreload, island URLs and inline code, but not JSON data', () => {
    const refs = pageReferences(
      '<head><link rel="modulepreload" href="/a.js"><link rel=stylesheet href="/s.css"><link rel="icon" href="/f.svg"><style>p{}</style></head>' +
        '<img src="/p.png" srcset="/p-2x.png 2x, /p-3x.png 3x" alt="">' +
        '<script type="module" src="/b.js"></script><script type="application/json">{"x":"<astro-island component-url=/no.js>"}</script>' +
        '<script>console.log("<astro-island>")</script><astro-island component-url="/c.js" renderer-url="/d.js" before-hydration-url="/e.js"></astro-island>',
    );
    expect(refs).toEqual({
      islands: 1,
      scripts: ['/b.js', '/a.js', '/c.js', '/d.js', '/e.js'],
      inlineScripts: ['console.log("<astro-island>")'],
      stylesheets: ['/s.css'],
      inlineStyles: ['p{}'],
      other: ['/f.svg', '/p.png', '/p-2x.png', '/p-3x.png'],
    });
  });
});

describe('page weight and budget', () => {
  let weigher: PageWeigher;
  const weigh = (path: string) => {
    const found = builtPages(dist).find((candidate) => candidate.path === path);
    if (!found) throw new Error(`no page ${path}`);
    return weigher.weigh(found);
  };
  const problems = (path: string) => checkBudget(weigh(path)).map(formatProblem);

  beforeAll(async () => {
    weigher = await initWeigher({ dist });
  });

  it('counts nothing on a page with no script, and passes it', () => {
    const weight = weigh('/');
    expect(weight.js).toEqual({ raw: 0, gzip: 0, brotli: 0 });
    expect(weight.css.raw).toBeGreaterThan(0);
    expect(problems('/')).toEqual([]);
  });

  it('fails a page without islands that runs any script, naming the script', () => {
    expect(problems('/coach/')).toEqual([
      expect.stringMatching(/^error: dist\/coach\/index.html: JavaScript: expected none on a page without islands, found .* \/_astro\/copy.js/),
    ]);
  });

  it('lets client pages without islands run a script of at most 1 KB, for the service worker', () => {
    expect(weigh(`/${SLUG}/`).js.raw).toBeGreaterThan(0);
    expect(problems(`/${SLUG}/`)).toEqual([]);
  });

  it('follows island URLs and their static imports once each, and the inline runtime', () => {
    const weight = weigh(`/${SLUG}/value-chains/`);
    expect(weight.islands).toBe(1);
    expect(weight.jsAssets.map((asset) => asset.url).sort()).toEqual(
      ['/_astro/Chains.js', '/_astro/client.js', '/_astro/react.js', '/_astro/shared.js', 'inline script #1'].sort(),
    );
    expect(weight.js.gzip).toBe(weight.jsAssets.reduce((sum, asset) => sum + asset.sizes.gzip, 0));
    expect(weight.lazy).toEqual([]);
    expect(problems(`/${SLUG}/value-chains/`)).toEqual([]);
  });

  it('holds the ranking page to its own, larger budget', () => {
    const weight = weigh(`/${SLUG}/rank/`);
    expect(weight.js.gzip).toBeGreaterThan(80_000);
    expect(weight.js.gzip).toBeLessThan(100_000);
    expect(problems(`/${SLUG}/rank/`)).toEqual([]);
  });

  it('fails a homework page over its gzip budget, listing its biggest scripts first', () => {
    const rankPage = builtPages(dist).find((candidate) => candidate.kind === 'ranking page');
    if (!rankPage) throw new Error('no ranking page');
    const asHomework = weigher.weigh({ ...rankPage, kind: 'homework page' });
    expect(checkBudget(asHomework).map(formatProblem)).toEqual([
      expect.stringMatching(/JavaScript: expected at most 80\.0 KB gzip on a homework page, found \d+\.\d KB gzip in 4 scripts \(\/_astro\/Big\.js/),
    ]);
  });

  it('lets the poster page load the poster engine on demand only', () => {
    const weight = weigh(`/${SLUG}/poster/`);
    expect(weight.jsAssets.map((asset) => asset.url)).toContain('/_astro/shared.js');
    expect(weight.jsAssets.some((asset) => asset.posterEngine)).toBe(false);
    expect(weight.lazy.map((asset) => [asset.url, asset.posterEngine])).toEqual([
      ['/_astro/standalone.js', true],
      ['/_astro/layout.wasm', true],
    ]);
    expect(problems(`/${SLUG}/poster/`)).toEqual([]);
  });

  it('fails any other page from which the poster engine is reachable, and any missing script', () => {
    expect(problems(`/${SLUG}/print/`)).toEqual([
      `error: dist/${SLUG}/print/index.html: poster engine: expected only on the poster page, found it is reachable here: /_astro/standalone.js ${(measure(`${ENGINE};${noise(50_000, 4)}`).gzip / 1000).toFixed(1)} KB, /_astro/layout.wasm ${measure(WASM).gzip} B`,
      `error: dist/${SLUG}/print/index.html: reference: expected a file in the build, found /_astro/gone.js, which is missing`,
    ]);
  });

  it('fails the poster page when the engine loads with the page', () => {
    const posterPage = builtPages(dist).find((candidate) => candidate.kind === 'poster page');
    if (!posterPage) throw new Error('no poster page');
    write(
      'eager/index.html',
      page('<script type="module" src="/_astro/standalone.js"></script><astro-island component-url="/_astro/Poster.js"></astro-island>'),
    );
    const eager = weigher.weigh({ ...posterPage, file: join(dist, 'eager/index.html') });
    expect(checkBudget(eager).map(formatProblem)).toEqual([
      expect.stringContaining(
        'poster engine: expected loaded only when a poster is made (a dynamic import), found it loads with the page: /_astro/standalone.js',
      ),
    ]);
  });

  it('lets the print page run a small script without islands, within its own budget', () => {
    const printPage = builtPages(dist).find((candidate) => candidate.kind === 'print page');
    if (!printPage) throw new Error('no print page');
    write('scripted/index.html', page('<main>Sheets</main><script type="module" src="/_astro/copy.js"></script>'));
    write('heavy/index.html', page('<main>Sheets</main><script type="module" src="/_astro/Big.js"></script>'));
    const scripted = weigher.weigh({ ...printPage, file: join(dist, 'scripted/index.html') });
    const heavy = weigher.weigh({ ...printPage, file: join(dist, 'heavy/index.html') });
    expect(checkBudget(scripted).map(formatProblem)).toEqual([]);
    expect(checkBudget(heavy).map(formatProblem)).toEqual([
      expect.stringMatching(/JavaScript: expected at most 35\.0 KB gzip on a print page, found \d+\.\d KB gzip in \/_astro\/Big\.js/),
    ]);
  });

  it('resolves URLs under a base path', async () => {
    const based = await initWeigher({ dist, base: '/workbooks/' });
    expect(based.resolve('/workbooks/_astro/a.js', '/workbooks/x/')).toBe('/_astro/a.js');
    expect(based.resolve('../_astro/a.js', '/workbooks/x/')).toBe('/_astro/a.js');
    expect(based.resolve('https://cdn.example/a.js', '/workbooks/x/')).toBeUndefined();
  });
});
