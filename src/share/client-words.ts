import type { Value } from '../schemas/answers.ts';

/** A theme as the client file has it, matched to the answers by its id. */
export interface FileTheme {
  id: string;
  name: string;
  evidence?: readonly string[] | undefined;
}

/** A YAML double-quoted scalar: JSON's string form is one, escapes and all. */
function quoted(text: string): string {
  return JSON.stringify(text);
}

/**
 * The client's current values as the `themes:` block of their client file: the
 * client's names in the client's order, each value's bold word noted beside it,
 * and the evidence quotes of the theme each value came from carried over.
 * Nothing is written anywhere: the coach copies it into the file when they choose.
 */
export function themesYaml(values: readonly Value[], themes: readonly FileTheme[], clientName: string): string {
  const ordered = values
    .map((value, index) => ({ value, index }))
    .sort((a, b) => a.value.rank - b.value.rank || a.index - b.index)
    .map(({ value }) => value);
  const evidence = new Map(themes.map((theme) => [theme.id, theme.evidence ?? []]));
  const lines = [`# ${clientName}'s values, in their order, in their words. Paste over the themes: list.`, 'themes:'];
  for (const value of ordered) {
    const bold = value.chain.find((word) => word.id === value.boldId)?.text;
    lines.push(`  - name: ${quoted(value.label)}${bold && bold !== value.label ? ` # in bold: ${quoted(bold).replace(/\n/g, ' ')}` : ''}`);
    const quotes = value.origin === 'coach' ? (evidence.get(value.id) ?? []) : [];
    if (quotes.length > 0) {
      lines.push('    evidence:');
      for (const quote of quotes) lines.push(`      - ${quoted(quote)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
