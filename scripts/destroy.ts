/** `pnpm tsx scripts/destroy.ts --help`: thin wrapper; the logic lives in infra/src/scripts/destroy.ts. */
import { runCli } from '@alex/infra/scripts/cli';
import { destroy } from '@alex/infra/scripts/destroy';
import { describeAwsOnly } from './lib/target.ts';

console.log(describeAwsOnly('destroy.ts'));
await runCli(destroy);
