/**
 * The words of the values session that the guide, focus mode and the printed
 * sheet share, so the three never drift apart.
 */

/** Where the theme goes in the prompt. */
const THEME_MARK = '{theme}';

/** The opening question for each theme, as the method words it. */
export const THEME_PROMPT = 'I could tell from several of your answers that {theme} is important to you. What is important to you about that?';

/** The follow-up questions asked after each theme's opening prompt. */
export const FOLLOW_UPS = [
  'What else?',
  'What does your ideal version of this look like?',
  'What excites you most about it?',
  'How does it play a role in your work today?',
] as const;

/** A prompt split around the theme, so pages can set the theme apart. */
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

/** Fills the theme prompt with a theme. */
export function themePrompt(name: string): PromptParts {
  const template = THEME_PROMPT;
  const at = template.indexOf(THEME_MARK);
  return { before: template.slice(0, at), theme: themeInSentence(name), after: template.slice(at + THEME_MARK.length) };
}

/** The filled prompt as one line of text. */
export function promptText(parts: PromptParts): string {
  return `${parts.before}${parts.theme}${parts.after}`;
}
