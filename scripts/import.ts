/**
 * Imports positions from a CSV file for one user, as the app's Import page does: the file is read
 * and checked row by row, and written in one transaction only when every row is good.
 *   pnpm tsx scripts/import.ts --user <clerk_user_id> [--replace] [--dry-run] <file.csv>
 * Formats: Alex's generic CSV (account,symbol,quantity[,cash]), Fidelity's and Charles Schwab's
 * positions exports (detected from the header).
 */

import { readFile, stat } from 'node:fs/promises';
import { createRepositories } from '@alex/database';
import { openDatabase } from '@alex/local-data-api';
import { ImportFileError, MAX_IMPORT_BYTES, planImport } from '@alex/portfolio-io';
import { runMain, UsageError } from './lib/cli.ts';
import { announceTarget, env, REPO_ROOT } from './lib/env.ts';
import { describePlan } from './lib/import-report.ts';

const USAGE = 'Usage: pnpm tsx scripts/import.ts --user <clerk_user_id> [--replace] [--dry-run] <file.csv>';

// The API's default; ALEX_PLACEHOLDERS_PER_DAY changes it, for this command as for the API.
const DEFAULT_PLACEHOLDERS_PER_DAY = 25;

interface Args {
  user: string;
  file: string;
  replace: boolean;
  dryRun: boolean;
}

function parseArgs(argv: readonly string[]): Args | 'help' {
  let user: string | undefined;
  let file: string | undefined;
  let replace = false;
  let dryRun = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help') return 'help';
    if (arg === '--replace') replace = true;
    else if (arg === '--dry-run') dryRun = true;
    else if (arg === '--user') {
      const value = argv[i + 1];
      if (!value || value.startsWith('--')) throw new UsageError('--user needs a user id');
      user = value;
      i += 1;
    } else if (arg.startsWith('--')) throw new UsageError(`Unknown argument: ${arg}`);
    else if (file === undefined) file = arg;
    else throw new UsageError(`One file at a time (got ${file} and ${arg})`);
  }
  if (!user) throw new UsageError('--user is required');
  if (!file) throw new UsageError('Name the CSV file to import');
  return { user, file, replace, dryRun };
}

function placeholdersPerDay(): number {
  const raw = env.ALEX_PLACEHOLDERS_PER_DAY;
  if (raw === undefined || raw === '') return DEFAULT_PLACEHOLDERS_PER_DAY;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`ALEX_PLACEHOLDERS_PER_DAY must be a whole number, got "${raw}"`);
  }
  return value;
}

await runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }
  const size = (await stat(args.file)).size;
  if (size > MAX_IMPORT_BYTES) {
    // Refused before reading it, as the app does.
    throw new ImportFileError(`${args.file} is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is 1.0 MB`);
  }
  const plan = planImport(new Uint8Array(await readFile(args.file)));
  announceTarget();
  const db = await openDatabase(env, REPO_ROOT);
  try {
    const repos = createRepositories(db.client);
    if (!(await repos.users.get(args.user))) {
      throw new Error(
        `No user ${args.user}: they appear once they sign in (or: pnpm tsx scripts/reset-db.ts --with-test-data)`,
      );
    }
    const newSymbols = await repos.imports.unknownSymbols(
      plan.accounts.flatMap((a) => a.positions.map((p) => p.symbol)),
    );
    for (const line of describePlan(plan, newSymbols)) console.log(line);
    if (plan.errors > 0) {
      console.error(`✖ ${plan.errors} rows have errors: nothing was imported. Fix them and run again.`);
      return 1;
    }
    if (args.dryRun) {
      console.log('Dry run: nothing was written.');
      return 0;
    }
    const outcome = await repos.imports.apply(args.user, plan.accounts, {
      replace: args.replace,
      placeholdersPerDay: placeholdersPerDay(),
    });
    console.log(
      `✓ Imported for ${args.user}: ${outcome.positions_written} positions, ${outcome.accounts_created} accounts created, ${outcome.accounts_updated} updated${args.replace ? `, ${outcome.positions_removed} positions removed` : ''}`,
    );
    return 0;
  } finally {
    await db.close();
  }
}, USAGE);
