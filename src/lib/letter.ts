import { marked, type Token, type Tokens } from 'marked';
import { ContentError, type Problem } from '../schemas/problems.ts';
import { letterMailto } from './mailto.ts';

/** The placeholders a letter template may use, and what each one stands for. */
export const LETTER_PLACEHOLDERS = {
  clientName: 'the name the client is greeted by',
  clientFullName: "the client's full name",
  coachName: "the coach's name",
  coachEmail: "the coach's email",
  workbookUrl: "the client's workbook address",
  sessionDate: 'the session date, written out',
  nextSessionDate: 'the date of the session after this one, written out ("to be agreed" until it is booked)',
} as const;

export type PlaceholderName = keyof typeof LETTER_PLACEHOLDERS;
export type LetterValues = Record<PlaceholderName, string>;

export { MAILTO_MAX_LENGTH } from './mailto.ts';

/**
 * The method's own placeholders, as its letter template writes them, and the
 * placeholder each one fills. They work in single braces: `{Name}`, `{Your Name}`.
 */
export const METHOD_PLACEHOLDERS: Readonly<Record<string, PlaceholderName>> = {
  Name: 'clientName',
  'Your Name': 'coachName',
};

/** `{{name}}` (group 1), or a method placeholder in single braces such as `{Your Name}` (group 2). */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}|(?<!\{)\{([^{}\n]{1,40})\}(?!\})/g;

/** Other ways a letter template may leave a name to fill: `[Name]`, `<Your Name>`, `[Client's first name]`. */
const BRACKETED_NAME = /[[<]\s*(?:(?:your|client'?s?|coach'?s?|first|full)\s+)*name\s*[\]>]/gi;

function isPlaceholder(name: string): name is PlaceholderName {
  return Object.hasOwn(LETTER_PLACEHOLDERS, name);
}

/** The placeholder a match stands for, or null when it is not one we can fill. */
function resolve(double: string | undefined, single: string | undefined): PlaceholderName | null {
  if (double !== undefined) return isPlaceholder(double) ? double : null;
  const name = (single ?? '').trim().replace(/\s+/g, ' ');
  if (Object.hasOwn(METHOD_PLACEHOLDERS, name)) return METHOD_PLACEHOLDERS[name]!;
  return isPlaceholder(name) ? name : null;
}

/** Edit distance, to suggest the placeholder a typo was meant to be. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

function suggestion(name: string): string {
  if (/^\s*your\s+name\s*$/i.test(name)) return ' (did you mean {Your Name}?)';
  if (/^\s*name\s*$/i.test(name)) return ' (did you mean {Name}?)';
  const best = (Object.keys(LETTER_PLACEHOLDERS) as PlaceholderName[])
    .map((known) => ({ known, score: distance(name, known) }))
    .sort((a, b) => a.score - b.score)[0];
  return best && best.score <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean {{${best.known}}}?)` : '';
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

const KNOWN = `a known placeholder (${Object.keys(LETTER_PLACEHOLDERS)
  .map((key) => `{{${key}}}`)
  .join(', ')}, or the method's ${Object.keys(METHOD_PLACEHOLDERS)
  .map((key) => `{${key}}`)
  .join(' and ')})`;

/**
 * Every unknown or unclosed placeholder in a template, one problem each, naming
 * the file, the field and the line. Run by the content check before the build,
 * so a typo stops the build instead of reaching a client.
 */
export function letterProblems(template: string, file: string, field: string, lineWord: string = 'line'): Problem[] {
  const problems: Problem[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (resolve(match[1], match[2]) !== null) continue;
    const name = match[1] ?? match[2] ?? '';
    problems.push({
      level: 'error',
      file,
      field,
      expected: KNOWN,
      found: `an unfilled placeholder ${match[0]} on ${lineWord} ${lineOf(template, match.index)}${suggestion(name)}`,
    });
  }
  const leftover = template.replace(PLACEHOLDER, (match) => ' '.repeat(match.length));
  for (const match of leftover.matchAll(/\{+|\}+/g)) {
    const snippet = template.slice(match.index, match.index + 24).split('\n')[0] ?? '';
    problems.push({
      level: 'error',
      file,
      field,
      expected: `${KNOWN}, with its braces closed`,
      found: `an unclosed ${JSON.stringify(snippet)} on ${lineWord} ${lineOf(template, match.index)}`,
    });
  }
  for (const match of template.matchAll(BRACKETED_NAME)) {
    problems.push({
      level: 'error',
      file,
      field,
      expected: KNOWN,
      found: `an unfilled placeholder ${match[0]} on ${lineWord} ${lineOf(template, match.index)}`,
    });
  }
  return problems;
}

function fill(template: string, values: LetterValues, file: string, field: string, render: (name: PlaceholderName, value: string) => string): string {
  const problems = letterProblems(template, file, field);
  if (problems.length > 0) throw new ContentError(problems);
  return template.replace(PLACEHOLDER, (_match, double: string | undefined, single: string | undefined) => {
    const name = resolve(double, single)!;
    return render(name, values[name]);
  });
}

/** Makes text safe to drop into Markdown: no HTML, no accidental emphasis or links. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]{}|~#])/g, '\\$1');
}

/**
 * Fills `{{placeholder}}` marks in a Markdown letter template. The workbook URL
 * becomes a real link. An unknown placeholder is a content error naming the file
 * and the placeholder, so a typo never reaches a client.
 */
export function fillLetter(template: string, values: LetterValues, file: string, field: string = '(body)'): string {
  return fill(template, values, file, field, (name, value) =>
    name === 'workbookUrl' ? `[${escapeMarkdown(value)}](${encodeURI(value)})` : escapeMarkdown(value),
  );
}

/** Fills placeholders in plain text, such as the email subject. */
export function fillPlain(template: string, values: LetterValues, file: string, field: string): string {
  return fill(template, values, file, field, (_name, value) => value);
}

/** Renders a filled letter to HTML. A single line break is kept, as in a letter's sign-off. */
export function letterHtml(markdown: string): string {
  return marked.parse(markdown, { async: false, gfm: true, breaks: true });
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

function decode(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

function inlineText(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((token): string => {
      switch (token.type) {
        case 'text':
          return 'tokens' in token && token.tokens ? inlineText(token.tokens) : decode(token.text);
        case 'escape':
        case 'codespan':
          return decode(token.text);
        case 'strong':
        case 'em':
        case 'del':
          return inlineText((token as Tokens.Strong).tokens);
        case 'br':
          return '\n';
        case 'link': {
          const link = token as Tokens.Link;
          const label = inlineText(link.tokens);
          return label === link.href || label === decodeURI(link.href) ? label : `${label} (${link.href})`;
        }
        case 'image':
          return decode((token as Tokens.Image).text);
        case 'html':
          return decode(token.text.replace(/<[^>]*>/g, ''));
        default:
          return decode(token.raw);
      }
    })
    .join('');
}

function blockText(token: Token, indent = ''): string {
  switch (token.type) {
    case 'space':
    case 'hr':
      return '';
    case 'paragraph':
    case 'heading':
      return inlineText((token as Tokens.Paragraph).tokens);
    case 'text':
      return 'tokens' in token && token.tokens ? inlineText(token.tokens) : decode(token.text);
    case 'list': {
      const list = token as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      return list.items
        .map((item, index) => {
          const marker = list.ordered ? `${start + index}. ` : '- ';
          const body = item.tokens
            .map((child) => blockText(child, `${indent}${' '.repeat(marker.length)}`))
            .filter((part) => part !== '')
            .join('\n');
          return `${indent}${marker}${body}`;
        })
        .join('\n');
    }
    case 'blockquote':
      return (token as Tokens.Blockquote).tokens
        .map((child) => blockText(child))
        .filter((part) => part !== '')
        .join('\n\n')
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'code':
      return token.text;
    case 'html':
      return decode(token.text.replace(/<[^>]*>/g, '')).trim();
    default:
      return decode(token.raw).trim();
  }
}

/** The filled letter as plain text, for the clipboard and for mailto. Links keep their address. */
export function letterText(markdown: string): string {
  return marked
    .lexer(markdown, { gfm: true })
    .map((token) => blockText(token))
    .filter((part) => part !== '')
    .join('\n\n');
}

export { letterMailto, mailtoHref } from './mailto.ts';

/** A letter ready to send, in every form the letter page needs. */
export interface Letter {
  subject: string;
  html: string;
  text: string;
  mailto: { href: string; complete: boolean };
}

/** Where a letter's words come from, so errors point at the file the coach should edit. */
export interface LetterSource {
  body: string;
  bodyFile: string;
  /** `(body)` for a template file's body, `letter` for a client's override. */
  bodyField: string;
  subject: string;
  subjectFile: string;
}

/** Builds the letter; `to` is the client's email, when the client file gives one. */
export function buildLetter(source: LetterSource, values: LetterValues, to?: string): Letter {
  const problems = [...letterProblems(source.subject, source.subjectFile, 'subject'), ...letterProblems(source.body, source.bodyFile, source.bodyField)];
  if (problems.length > 0) throw new ContentError(problems);
  const subject = fillPlain(source.subject, values, source.subjectFile, 'subject');
  const markdown = fillLetter(source.body, values, source.bodyFile, source.bodyField);
  const text = letterText(markdown);
  return { subject, html: letterHtml(markdown), text, mailto: letterMailto(subject, text, to) };
}
