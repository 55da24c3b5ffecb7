/** The one-rule stylesheet Astro writes just before the first island of a page. */
const ISLAND_STYLE = /<style>astro-island,[^<]*<\/style>/g;

/**
 * Moves Astro's island stylesheet from the body, where it lands before the first
 * island and makes the page invalid HTML (a `style` element in `body` must be the
 * first child of its parent), into the head. Its CSP hash is unchanged, so the
 * Content Security Policy still allows it.
 */
export function moveIslandStyles(html: string): string {
  const headEnd = html.indexOf('</head>');
  if (headEnd === -1) return html;
  const head = html.slice(0, headEnd);
  const body = html.slice(headEnd);
  const styles = body.match(ISLAND_STYLE);
  if (!styles) return html;
  const kept = head.includes(styles[0]) ? '' : styles[0];
  return `${head}${kept}${body.replace(ISLAND_STYLE, '')}`;
}
