/**
 * Prints table counts and checks every instrument's allocations.
 *   pnpm tsx scripts/verify-db.ts
 * Exits 1 when an allocation is invalid or no instruments are loaded.
 */
import { verifyDatabase } from '@alex/database';
import { openDatabase } from '@alex/local-data-api';
import { parseFlags, runMain } from './lib/cli.ts';
import { announceTarget, env, REPO_ROOT } from './lib/env.ts';
import { printCounts } from './lib/print.ts';

const USAGE = 'Usage: pnpm tsx scripts/verify-db.ts';

await runMain(async () => {
  if (parseFlags(process.argv.slice(2), ['help']).help) {
    console.log(USAGE);
    return 0;
  }
  announceTarget();
  const db = await openDatabase(env, REPO_ROOT);
  try {
    console.log(`Database: ${db.description}`);
    const report = await verifyDatabase(db.client);
    printCounts(report);
    return report.ok ? 0 : 1;
  } finally {
    await db.close();
  }
}, USAGE);
