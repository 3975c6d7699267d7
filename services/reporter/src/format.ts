import { labelFor } from '@alex/finance';

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Dollars as `$12,345.67`. */
export const money = (value: number): string => USD.format(value);

/** A percentage with up to two decimals: `30%`, `11.36%`. */
export const percent = (value: number): string => `${Number(value.toFixed(2))}%`;

/** Percentage points with a sign: `+2.91 pts`, `-18.64 pts`. */
export const points = (value: number): string => `${value > 0 ? '+' : ''}${Number(value.toFixed(2))} pts`;

/** A snake_case key as words: `fixed_income` → `Fixed Income`. */
export const label = (key: string): string => labelFor(key);

/** A markdown table from a header row and body rows. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** `a, b and c`. */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * User text (an account or instrument name, a display name) made inert in markdown: every character
 * markdown gives a meaning (links, images, emphasis, table cells, HTML) is backslash-escaped and line
 * breaks become spaces, so a name such as `![x](https://evil.example/t.png)` or `a | b` shows as
 * typed and cannot add an image, a link or a table cell to the report.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]()#!|<>~]/g, (c) => `\\${c}`);
}
