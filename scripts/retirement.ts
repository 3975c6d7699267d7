/**
 * The retirement Monte Carlo from the terminal:
 * `pnpm tsx scripts/retirement.ts --value 500000 --years 25 --income 60000 --contribution 10000
 *  --allocation equity=70,fixed_income=30 [--paths 10000] [--seed 1] [--zero-volatility] [--json]`.
 */
import { runMonteCarlo } from '@alex/finance';
import {
  parseRetirementArgs,
  RETIREMENT_USAGE,
  type RetirementCommand,
  UsageError,
} from './lib/retirement-args.ts';
import { formatRetirementTable } from './lib/retirement-table.ts';

let command: RetirementCommand;
try {
  command = parseRetirementArgs(process.argv.slice(2));
} catch (error: unknown) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`error: ${error.message}\n\n${RETIREMENT_USAGE}\n`);
  process.exit(2);
}

if (command.kind === 'help') {
  process.stdout.write(`${RETIREMENT_USAGE}\n`);
} else {
  const result = runMonteCarlo(command.input);
  const output = command.json
    ? JSON.stringify(result, null, 2)
    : formatRetirementTable(command.input, result);
  process.stdout.write(`${output}\n`);
}
