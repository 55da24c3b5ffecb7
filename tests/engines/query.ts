/**
 * Finding elements as a person does, by role and accessible name or by label,
 * in any engine. The lookup runs inside the page (every engine runs the same
 * script), so WebKit over WebDriver, and Firefox and Chromium over puppeteer,
 * see one definition of "the button named Move Health up".
 *
 * The name computation is a small part of the accessible-name rules: aria-labelledby,
 * aria-label, <label>, alt, <legend>, then the text inside for roles named by
 * their content. It is enough for this workbook's pages and no more.
 */

/** What to look for. Strings match the whole normalised name; a RegExp matches anywhere. */
export interface Query {
  role?: string;
  name?: string | RegExp;
  /** A form control whose label is this, as a person reads the label beside a field. */
  label?: string;
  /** An element whose whole text is this (the innermost such element). */
  text?: string | RegExp;
  /** Look only inside the first element this finds. */
  within?: Query;
}

type WireMatch = { exact: string } | { source: string; flags: string };
export interface WireQuery {
  role?: string;
  name?: WireMatch;
  label?: string;
  text?: WireMatch;
  within?: WireQuery;
}

function wireMatch(match: string | RegExp): WireMatch {
  return typeof match === 'string' ? { exact: match } : { source: match.source, flags: match.flags };
}

/** The query as JSON the page can read. */
export function toWire(query: Query): WireQuery {
  return {
    role: query.role,
    name: query.name === undefined ? undefined : wireMatch(query.name),
    label: query.label,
    text: query.text === undefined ? undefined : wireMatch(query.text),
    within: query.within && toWire(query.within),
  };
}

/** How a query reads in a failure message. */
export function describe(query: Query): string {
  const parts: string[] = [];
  if (query.role) parts.push(`${query.role}${query.name === undefined ? '' : ` named ${String(query.name)}`}`);
  if (query.label) parts.push(`field labelled "${query.label}"`);
  if (query.text !== undefined) parts.push(`text ${String(query.text)}`);
  const own = parts.join(' ') || 'element';
  return query.within ? `${own} in ${describe(query.within)}` : own;
}

/**
 * Runs in the page: every visible element the query matches, in document order.
 * Self-contained, because it is sent to the page as source text.
 */
export function findAll(query: WireQuery): Element[] {
  const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
  const matches = (value: string, match: WireMatch) => ('exact' in match ? value === match.exact : new RegExp(match.source, match.flags).test(value));

  function hidden(element: Element): boolean {
    for (let node: Element | null = element; node; node = node.parentElement) {
      if ((node as HTMLElement).hidden || node.getAttribute('aria-hidden') === 'true' || (node as HTMLElement).inert) return true;
    }
    const style = getComputedStyle(element);
    return style.display === 'none' || style.visibility === 'hidden' || element.getClientRects().length === 0;
  }

  function contentText(node: Node): string {
    if (node.nodeType === Node.TEXT_NODE) return node.nodeValue ?? '';
    if (!(node instanceof Element)) return '';
    if (node.getAttribute('aria-hidden') === 'true' || (node as HTMLElement).hidden) return '';
    if (node instanceof HTMLImageElement) return node.alt;
    const label = node.getAttribute('aria-label');
    if (label?.trim()) return label;
    return [...node.childNodes].map(contentText).join('');
  }

  function role(element: Element): string | null {
    const explicit = element.getAttribute('role')?.trim().split(/\s+/)[0];
    if (explicit) return explicit;
    const tag = element.tagName.toLowerCase();
    if (/^h[1-6]$/.test(tag)) return 'heading';
    switch (tag) {
      case 'a':
        return element.hasAttribute('href') ? 'link' : null;
      case 'button':
        return 'button';
      case 'input': {
        const type = (element as HTMLInputElement).type;
        if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
        if (type === 'checkbox' || type === 'radio') return type;
        if (type === 'range') return 'slider';
        if (type === 'number') return 'spinbutton';
        if (type === 'search') return 'searchbox';
        return type === 'hidden' ? null : 'textbox';
      }
      case 'textarea':
        return 'textbox';
      case 'select':
        return (element as HTMLSelectElement).multiple || (element as HTMLSelectElement).size > 1 ? 'listbox' : 'combobox';
      case 'img':
        return (element as HTMLImageElement).alt === '' ? 'presentation' : 'img';
      case 'ul':
      case 'ol':
        return 'list';
      case 'li':
        return 'listitem';
      case 'nav':
        return 'navigation';
      case 'main':
        return 'main';
      case 'section':
        return element.hasAttribute('aria-label') || element.hasAttribute('aria-labelledby') ? 'region' : null;
      case 'fieldset':
        return 'group';
      case 'figure':
        return 'figure';
      case 'output':
        return 'status';
      case 'dialog':
        return 'dialog';
      default:
        return null;
    }
  }

  const NAMED_BY_CONTENT = new Set(['button', 'link', 'heading', 'listitem', 'option', 'tab', 'menuitem', 'cell', 'status', 'alert']);

  function name(element: Element): string {
    const by = element.getAttribute('aria-labelledby');
    if (by) {
      return norm(
        by
          .split(/\s+/)
          .map((id) => document.getElementById(id))
          .map((node) => (node ? contentText(node) : ''))
          .join(' '),
      );
    }
    const label = element.getAttribute('aria-label');
    if (label?.trim()) return norm(label);
    const labels = (element as HTMLInputElement).labels;
    if (labels && labels.length > 0) return norm([...labels].map(contentText).join(' '));
    if (element instanceof HTMLImageElement) return norm(element.alt);
    if (element instanceof HTMLFieldSetElement) return norm(element.querySelector('legend')?.textContent ?? '');
    if (NAMED_BY_CONTENT.has(role(element) ?? '')) return norm(contentText(element));
    return norm(element.getAttribute('title') ?? '');
  }

  let scope: Element[] = [document.documentElement];
  if (query.within) scope = findAll(query.within).slice(0, 1);
  const found: Element[] = [];
  for (const root of scope) {
    for (const element of root.querySelectorAll('*')) {
      if (query.role && role(element) !== query.role) continue;
      if (query.label !== undefined) {
        if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement)) continue;
        if (name(element) !== query.label) continue;
      }
      if (query.name && !matches(name(element), query.name)) continue;
      if (query.text) {
        const text = query.text;
        if (!matches(norm(contentText(element)), text)) continue;
        if ([...element.children].some((child) => matches(norm(contentText(child)), text))) continue;
      }
      if (hidden(element)) continue;
      found.push(element);
    }
  }
  return found;
}
