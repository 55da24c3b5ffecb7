/**
 * `mailto:` links for the homework letter. Kept apart from the letter's Markdown
 * handling so the letter page's buttons can build a link from an edited letter
 * without shipping a Markdown parser.
 */

/**
 * Longest `mailto:` link offered with the whole letter in it. Outlook on Windows
 * and several webmail handlers cut links beyond about 2,000 characters, which would
 * silently drop the end of the letter, including its sign-off.
 */
export const MAILTO_MAX_LENGTH = 2000;

/** The address part of a link: each side of the `@` percent-encoded, the `@` kept for mail apps that read it literally. */
function address(to: string): string {
  return to
    .trim()
    .split('@')
    .map((part) => encodeURIComponent(part))
    .join('@');
}

/**
 * A `mailto:` link with subject and body, encoded so any script and every line
 * break survive: UTF-8 percent-encoding, and CRLF line breaks as RFC 6068 asks.
 */
export function mailtoHref(subject: string, body?: string, to: string = ''): string {
  const params = [`subject=${encodeURIComponent(subject)}`];
  if (body !== undefined) params.push(`body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`);
  return `mailto:${address(to)}?${params.join('&')}`;
}

/** The email link for a letter, or a subject-only link when the letter is too long for one. */
export function letterMailto(subject: string, text: string, to?: string): { href: string; complete: boolean } {
  const full = mailtoHref(subject, text, to);
  return full.length <= MAILTO_MAX_LENGTH ? { href: full, complete: true } : { href: mailtoHref(subject, undefined, to), complete: false };
}
