/**
 * Helpers for the words of the values session. The words themselves (the
 * opening prompts for a theme and the follow-ups) live in the guide's
 * frontmatter, so a coach can reword their own method without touching code;
 * these helpers only fill the theme in, the same way for the guide, focus mode
 * and the printed sheet.
 */

/** Where the theme goes in a prompt or follow-up. */
export const THEME_MARK = '{theme}';

/** A prompt split around the theme, so pages can set the theme apart. Without a theme, `theme` and `after` are empty. */
export interface PromptParts {
  before: string;
  theme: string;
  after: string;
}

/**
 * The theme as it reads in the middle of a sentence: "Personal growth" becomes
 * "personal growth", while acronyms ("NGO work") and names in scripts without
 * case stay as written.
 */
export function themeInSentence(name: string): string {
  const first = name.split(/\s+/)[0] ?? '';
  const isCapitalisedWord = /^\p{Lu}\p{Ll}+$/u.test(first) || /^\p{Lu}$/u.test(first);
  if (!isCapitalisedWord) return name;
  return name.charAt(0).toLocaleLowerCase() + name.slice(1);
}

/** Fills a theme into a prompt or follow-up at its `{theme}` mark; a line without the mark is kept whole. */
export function fillTheme(template: string, name: string): PromptParts {
  const at = template.indexOf(THEME_MARK);
  if (at === -1) return { before: template, theme: '', after: '' };
  return { before: template.slice(0, at), theme: themeInSentence(name), after: template.slice(at + THEME_MARK.length) };
}

/** The filled prompt as one line of text. */
export function promptText(parts: PromptParts): string {
  return `${parts.before}${parts.theme}${parts.after}`;
}

/**
 * What is wrong with a line of the guide's session words, or null when it is fine:
 * a prompt needs exactly one `{theme}`; a follow-up may have one or none; no other
 * `{…}` mark is allowed, so a misspelt mark never reaches the page.
 */
export function themeMarkProblem(line: string, needsTheme: boolean): string | null {
  const marks = [...line.matchAll(/\{[^{}]*\}/g)].map((match) => match[0]);
  const other = marks.find((mark) => mark !== THEME_MARK);
  if (other !== undefined) return `an unknown mark ${other}`;
  if (/[{}]/.test(line.replace(/\{[^{}]*\}/g, ''))) return 'an unclosed brace';
  if (marks.length > 1) return `${THEME_MARK} ${marks.length} times`;
  if (needsTheme && marks.length === 0) return `no ${THEME_MARK}`;
  return null;
}
