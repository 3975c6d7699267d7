import { IMPORT_FORMATS, type ImportPlan } from '@alex/portfolio-io';

/** The terminal's preview of an import: format, each account's change, and every row with a problem. */
export function describePlan(plan: ImportPlan, newSymbols: readonly string[]): string[] {
  const lines = [`Format: ${IMPORT_FORMATS[plan.format]}, ${plan.rows.length} rows`];
  if (plan.ignoredAfter) {
    lines.push(
      `Not read: ${plan.ignoredAfter.lines} lines after the blank line ${plan.ignoredAfter.blankLine}`,
    );
  }
  for (const row of plan.rows) {
    if (row.status === 'error') lines.push(`✖ line ${row.line}: ${row.messages.join('; ')}`);
    else if (row.messages.length > 0) lines.push(`  line ${row.line}: ${row.messages.join('; ')}`);
  }
  if (plan.errors > 0) return lines;
  for (const account of plan.accounts) {
    const cash = account.cash_balance === null ? '' : `, cash ${account.cash_balance}`;
    lines.push(`  ${account.account_name}: ${account.positions.length} positions${cash}`);
  }
  if (newSymbols.length > 0) lines.push(`New symbols (for the tagger): ${newSymbols.join(', ')}`);
  return lines;
}
