/**
 * Characters that make a spreadsheet treat a cell as a formula (`=HYPERLINK(…)`, `+1+cmd|…`,
 * `-2+3`, `@SUM(…)`), or that some apps skip before looking (tab, carriage return): CSV injection.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** True when `text` would run as a formula if a spreadsheet opened it from a CSV cell. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text) || FORMULA_START.test(text.trimStart());
}

/**
 * A text cell made inert: one leading apostrophe, which every spreadsheet shows as text and hides
 * (OWASP's advice for CSV injection). Text that is not formula-like is returned unchanged.
 */
export function inertText(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}
