/**
 * The element tree Satori draws: plain objects shaped like React elements, so
 * the layout needs neither React nor JSX and can run anywhere.
 */
export type PosterStyleProps = Record<string, string | number>;

export interface PosterElement {
  type: string;
  props: {
    style?: PosterStyleProps;
    children?: PosterChild | PosterChild[];
    [attribute: string]: unknown;
  };
}

export type PosterChild = PosterElement | string | null | undefined | false;

/** Builds an element: `h('div', { display: 'flex' }, child, child)`. */
export function h(type: string, style: PosterStyleProps, ...children: PosterChild[]): PosterElement {
  const kept = children.filter((child) => child !== null && child !== undefined && child !== false);
  return { type, props: { style, children: kept.length === 1 ? kept[0] : kept } };
}

/** The same element with extra attributes, e.g. `dir` or a data marker the renderer looks for. */
export function withProps(element: PosterElement, attributes: Record<string, unknown>): PosterElement {
  return { ...element, props: { ...element.props, ...attributes } };
}

/** Every string in a tree, in order: what the fonts must be able to draw. */
export function treeText(node: PosterChild | PosterChild[]): string {
  if (Array.isArray(node)) return node.map(treeText).join(' ');
  if (!node) return '';
  if (typeof node === 'string') return node;
  return treeText(node.props.children ?? null);
}

/** Finds the elements carrying a data attribute, depth first. */
export function findByData(node: PosterChild | PosterChild[], attribute: string): PosterElement[] {
  if (Array.isArray(node)) return node.flatMap((child) => findByData(child, attribute));
  if (!node || typeof node === 'string') return [];
  const own = node.props[attribute] !== undefined ? [node] : [];
  return [...own, ...findByData(node.props.children ?? null, attribute)];
}
