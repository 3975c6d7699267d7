/**
 * Resets the database to a known state.
 *   pnpm tsx scripts/reset-db.ts                   migrate + load the default instruments
 *   pnpm tsx scripts/reset-db.ts --drop-all        drop every table first, then rebuild
 *                                                  (on Aurora only with --confirm)
 *   pnpm tsx scripts/reset-db.ts --with-test-data  also load user_test_123's demo portfolio
 * ALEX_TARGET=local (the local database) or aws (Aurora, through AURORA_CLUSTER_ARN and AURORA_SECRET_ARN);
 * unset, Aurora when both ARNs are set.
 */
import { resetDatabase, verifyDatabase } from '@alex/database';
import { openDatabase } from '@alex/local-data-api';
import { parseFlags, runMain } from './lib/cli.ts';
import { announceTarget, env, REPO_ROOT } from './lib/env.ts';
import { printCounts } from './lib/print.ts';
import { dropAllRefusal } from './lib/target.ts';

const USAGE = `Usage: pnpm tsx scripts/reset-db.ts [--drop-all [--confirm]] [--with-test-data]
  --drop-all        drop every table first, then rebuild (on Aurora it also needs --confirm)
  --with-test-data  also load user_test_123's demo portfolio`;

await runMain(async () => {
  const flags = parseFlags(process.argv.slice(2), ['drop-all', 'confirm', 'with-test-data', 'help']);
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  const target = announceTarget();
  const refusal = flags['drop-all'] ? dropAllRefusal(target, flags.confirm) : undefined;
  if (refusal !== undefined) {
    console.error(`✖ ${refusal}`);
    return 2;
  }
  const db = await openDatabase(env, REPO_ROOT);
  try {
    console.log(`Database: ${db.description}`);
    const report = await resetDatabase(db.client, {
      dropAll: flags['drop-all'],
      withTestData: flags['with-test-data'],
    });
    if (report.dropped) console.log('✓ Dropped all tables');
    console.log(
      `✓ Migrations: ${report.migrations.applied.length} applied, ${report.migrations.alreadyApplied.length} already applied`,
    );
    console.log(`✓ Instruments: ${report.instruments} default instruments loaded`);
    if (report.testData) {
      console.log(
        `✓ Test data: ${report.testData.user} with ${report.testData.accounts} accounts and ${report.testData.positions} positions`,
      );
    }
    printCounts(await verifyDatabase(db.client));
    return 0;
  } finally {
    await db.close();
  }
}, USAGE);
