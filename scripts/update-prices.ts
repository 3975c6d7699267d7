/**
 * Updates instruments' prices, each with the day it is for.
 *   pnpm tsx scripts/update-prices.ts --from-csv prices.csv     (header: symbol,price,date)
 *   pnpm tsx scripts/update-prices.ts --polygon                 (needs POLYGON_API_KEY)
 * Without a source or a key nothing changes and the command says so (exit 0). A price is never
 * replaced by an older one; a file with a bad row changes nothing.
 */

import { readFile } from 'node:fs/promises';
import { createRepositories } from '@alex/database';
import { openDatabase } from '@alex/local-data-api';
import { csvPriceSource, type PriceSource, polygonPriceSource, updatePrices } from '@alex/market-data';
import { runMain, UsageError } from './lib/cli.ts';
import { announceTarget, env, REPO_ROOT } from './lib/env.ts';

const USAGE = 'Usage: pnpm tsx scripts/update-prices.ts --from-csv <prices.csv> | --polygon';

function parseArgs(argv: readonly string[]): { csv?: string; polygon: boolean } | 'help' {
  let csv: string | undefined;
  let polygon = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help') return 'help';
    if (arg === '--polygon') polygon = true;
    else if (arg === '--from-csv') {
      const value = argv[i + 1];
      if (!value || value.startsWith('--')) throw new UsageError('--from-csv needs a file');
      csv = value;
      i += 1;
    } else throw new UsageError(`Unknown argument: ${arg}`);
  }
  if (csv && polygon) throw new UsageError('Choose one source: --from-csv or --polygon');
  return csv ? { csv, polygon } : { polygon };
}

await runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }
  let source: PriceSource;
  if (args.csv) {
    source = csvPriceSource(new Uint8Array(await readFile(args.csv)), args.csv);
  } else if (args.polygon && env.POLYGON_API_KEY) {
    source = polygonPriceSource({
      apiKey: env.POLYGON_API_KEY,
      ...(env.POLYGON_BASE_URL ? { baseUrl: env.POLYGON_BASE_URL } : {}),
    });
  } else {
    console.log(
      args.polygon
        ? 'POLYGON_API_KEY is not set: no prices fetched, nothing changed.'
        : `No price source given: nothing changed.\n${USAGE}`,
    );
    return 0;
  }
  announceTarget();
  const db = await openDatabase(env, REPO_ROOT);
  try {
    const result = await updatePrices(source, createRepositories(db.client));
    console.log(`Source: ${result.source}`);
    console.log(
      `✓ ${result.updated.length} prices updated${result.updated.length > 0 ? `: ${result.updated.join(', ')}` : ''}`,
    );
    if (result.older.length > 0) console.log(`  kept (a newer price is stored): ${result.older.join(', ')}`);
    if (result.missing.length > 0) console.log(`  no price in the source for: ${result.missing.join(', ')}`);
    return 0;
  } finally {
    await db.close();
  }
}, USAGE);
