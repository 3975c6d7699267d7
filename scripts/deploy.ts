/** `pnpm tsx scripts/deploy.ts --help`: thin wrapper; the logic lives in infra/src/scripts/deploy.ts. */
import { runCli } from '@alex/infra/scripts/cli';
import { deploy } from '@alex/infra/scripts/deploy';
import { describeAwsOnly } from './lib/target.ts';

console.log(describeAwsOnly('deploy.ts'));
await runCli(deploy);
