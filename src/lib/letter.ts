import { marked } from 'marked';
import { ContentError } from '../schemas/problems.ts';

/** The placeholders a letter template may use, and what each one stands for. */
export const LETTER_PLACEHOLDERS = {
  clientName: 'the name the client is greeted by',
  clientFullName: "the client's full name",
  coachName: "the coach's name",
  coachEmail: "the coach's email",
  workbookUrl: "the client's workbook address",
  sessionDate: 'the session date, written out',
} as const;

export type LetterValues = Record<keyof typeof LETTER_PLACEHOLDERS, string>;

/** Makes text safe to drop into Markdown: no HTML, no accidental emphasis or links. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]{}|~#])/g, '\\$1');
}

/**
 * Fills `{{placeholder}}` marks in a letter template. An unknown placeholder is
 * a content error naming the file and the placeholder, so a typo never reaches a client.
 */
export function fillLetter(template: string, values: LetterValues, file: string): string {
  const unknown = new Set<string>();
  const filled = template.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (_match, name: string) => {
    if (Object.hasOwn(values, name)) {
      const value = values[name as keyof LetterValues];
      return name === 'workbookUrl' ? `[${escapeMarkdown(value)}](${encodeURI(value)})` : escapeMarkdown(value);
    }
    unknown.add(name);
    return '';
  });
  if (unknown.size > 0) {
    throw new ContentError(
      [...unknown].map((name) => ({
        level: 'error' as const,
        file,
        field: `{{${name}}}`,
        expected: `a known placeholder (${Object.keys(LETTER_PLACEHOLDERS)
          .map((key) => `{{${key}}}`)
          .join(', ')})`,
        found: `an unknown placeholder {{${name}}}`,
      })),
    );
  }
  return filled;
}

/** Renders a filled letter to HTML. */
export function letterHtml(markdown: string): string {
  return marked.parse(markdown, { async: false, gfm: true, breaks: false });
}
