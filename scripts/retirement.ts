import { runMonteCarloParallel } from '@alex/finance/parallel';
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
  // Up to 1,000,000 paths: large runs spread over worker threads, with the same result as one thread.
  const result = await runMonteCarloParallel(command.input);
  const output = command.json
    ? JSON.stringify(result, null, 2)
    : formatRetirementTable(command.input, result);
  process.stdout.write(`${output}\n`);
}
