import type { VerifyReport } from '@alex/database';

/** Prints the table counts and any instrument problems from a verify report. */
export function printCounts(report: VerifyReport): void {
  console.log('\nTable            Rows');
  console.log('---------------  ------');
  for (const [table, count] of Object.entries(report.counts))
    console.log(`${table.padEnd(15)}  ${String(count).padStart(6)}`);
  if (report.unclassified.length > 0) {
    console.log(
      `\n… ${report.unclassified.length} instrument(s) waiting for the tagger: ${report.unclassified.join(', ')}`,
    );
  }
  for (const { symbol, problem } of report.invalidAllocations) console.log(`✖ ${symbol}: ${problem}`);
  if (report.counts.instruments === 0)
    console.log('✖ No instruments loaded: run pnpm tsx scripts/reset-db.ts');
  console.log(report.ok ? '\n✓ All instrument allocations sum to 100' : '\n✖ Problems found');
}
