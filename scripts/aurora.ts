/** `pnpm tsx scripts/aurora.ts --help`: thin wrapper; the logic lives in infra/src/scripts/aurora.ts. */

import { aurora } from '@alex/infra/scripts/aurora';
import { runCli } from '@alex/infra/scripts/cli';
import { describeAwsOnly } from './lib/target.ts';

console.log(describeAwsOnly('aurora.ts'));
await runCli(aurora);
