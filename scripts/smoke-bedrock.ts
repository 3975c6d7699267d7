/**
 * Runs each agent once against real Claude on Bedrock with a tiny fixed portfolio, and prints one line
 * per agent: ok/failed, latency, tokens, and on failure Bedrock's error and what to do.
 *   pnpm tsx scripts/smoke-bedrock.ts [--model <id>] [--region <r>]
 * Exits 1 when any agent fails. Credentials come from the AWS default chain (AWS_PROFILE, SSO, env).
 * Never part of `pnpm test` against Bedrock: it costs a few cents and needs the network.
 */
import { modelConfigFromEnv } from '@alex/agents';
import { startSeededDatabase } from '@alex/local-data-api';
import { runMain, UsageError } from './lib/cli.ts';
import { env, REPO_ROOT } from './lib/env.ts';
import {
  type Meter,
  meterConverse,
  prepareSmokePortfolio,
  runSmokeAgent,
  SMOKE_AGENTS,
  type SmokeAgent,
} from './lib/smoke-agents.ts';

const USAGE =
  'Usage: pnpm tsx scripts/smoke-bedrock.ts [--model <bedrock model or inference profile id>] [--region <aws region>]';

function parseArgs(argv: readonly string[]): { model?: string; region?: string } {
  const args: { model?: string; region?: string } = {};
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag !== '--model' && flag !== '--region') throw new UsageError(`Unknown argument: ${flag}`);
    if (!value || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    args[flag === '--model' ? 'model' : 'region'] = value;
  }
  return args;
}

/** What to do about a failure the Bedrock error itself does not explain. */
function advice(message: string): string {
  if (message.includes('To fix:')) return '';
  if (/credential/i.test(message))
    return ' To fix: give this shell AWS credentials (aws configure, or aws sso login and AWS_PROFILE=<profile>), then check aws sts get-caller-identity.';
  return '';
}

const line = (agent: SmokeAgent, ok: boolean, ms: number, meter: Meter, detail = '') =>
  `${ok ? '✓' : '✗'} ${agent.padEnd(10)} ${ok ? 'ok    ' : 'failed'} ${(ms / 1000).toFixed(1).padStart(5)} s  ${String(meter.inputTokens).padStart(6)} in / ${String(meter.outputTokens).padStart(5)} out tokens  ${meter.calls} answers${detail}`;

await runMain(async () => {
  if (process.argv.slice(2).includes('--help')) {
    console.log(USAGE);
    return;
  }
  const args = parseArgs(process.argv.slice(2));
  const config = modelConfigFromEnv({
    ...env,
    ALEX_MODEL_PROVIDER: 'bedrock',
    ...(args.model === undefined ? {} : { BEDROCK_MODEL_ID: args.model }),
    ...(args.region === undefined ? {} : { BEDROCK_REGION: args.region }),
  });
  if (config.provider !== 'bedrock') throw new Error('unreachable: the provider is forced to bedrock');
  const endpoint = config.endpoint ?? `https://bedrock-runtime.${config.region}.amazonaws.com`;
  console.log(`Bedrock smoke test: ${config.modelId} in ${config.region} (${endpoint})`);

  const db = await startSeededDatabase();
  let current: Meter = { calls: 0, inputTokens: 0, outputTokens: 0 };
  const stopMetering = meterConverse(() => current);
  let failures = 0;
  try {
    const { repos, jobId } = await prepareSmokePortfolio(db.client);
    for (const agent of SMOKE_AGENTS) {
      current = { calls: 0, inputTokens: 0, outputTokens: 0 };
      const started = performance.now();
      try {
        await runSmokeAgent(agent, config, { repos, jobId, root: REPO_ROOT });
        console.log(line(agent, true, performance.now() - started, current));
      } catch (err: unknown) {
        failures += 1;
        const message = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ');
        console.log(
          line(agent, false, performance.now() - started, current, `  ${message}${advice(message)}`),
        );
      }
    }
  } finally {
    stopMetering();
    await db.close();
  }
  console.log(
    failures === 0
      ? 'All four agents answered through Bedrock.'
      : `${failures} of ${SMOKE_AGENTS.length} agents failed; guide 6 ("Smoke-test Bedrock") lists the usual fixes.`,
  );
  return failures === 0 ? 0 : 1;
}, USAGE);
