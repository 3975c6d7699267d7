/**
 * Runs one agent in-process, the way its Lambda would, and prints what it did.
 *   pnpm tsx scripts/run-agent.ts tagger --symbol AAPL [--symbol TSLA]   (prints confidence and rationale)
 *   pnpm tsx scripts/run-agent.ts reporter|charter|retirement [--user user_test_123]
 * Offline model by default; ALEX_MODEL_PROVIDER=bedrock uses Claude on Bedrock.
 */
import { modelConfigFromEnv } from '@alex/agents';
import { AGENT_NAMES, type AgentName } from '@alex/core';
import { createRepositories } from '@alex/database';
import { openDatabase } from '@alex/local-data-api';
import { agentHandler } from './lib/agent-handlers.ts';
import { runMain, UsageError } from './lib/cli.ts';
import { announceTarget, env, REPO_ROOT } from './lib/env.ts';
import { printTagging, type TaggingAnswer } from './lib/print-tagging.ts';

type Agent = AgentName;
const USAGE = `Usage: pnpm tsx scripts/run-agent.ts tagger --symbol <SYMBOL> [--symbol …]
       pnpm tsx scripts/run-agent.ts reporter|charter|retirement [--user <clerk_user_id>]`;

function parseArgs(argv: readonly string[]): { agent: Agent; user: string; symbols: string[] } {
  const [agent, ...rest] = argv;
  if (!agent || !(AGENT_NAMES as readonly string[]).includes(agent))
    throw new UsageError(`Unknown agent: ${agent ?? '(none)'}`);
  let user = 'user_test_123';
  const symbols: string[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (!value || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    if (flag === '--user') user = value;
    else if (flag === '--symbol') symbols.push(value.toUpperCase());
    else throw new UsageError(`Unknown argument: ${flag}`);
  }
  if (agent === 'tagger' && symbols.length === 0) throw new UsageError('tagger needs at least one --symbol');
  return { agent: agent as Agent, user, symbols };
}

await runMain(async () => {
  if (process.argv.slice(2).includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const { agent, user, symbols } = parseArgs(process.argv.slice(2));
  announceTarget();
  const db = await openDatabase(env, REPO_ROOT);
  try {
    console.log(`Database: ${db.description}`);
    // The handler is built as its Lambda builds it, pointed at the database this command opened.
    const handler = await agentHandler(agent, db.endpoint ? { ...env, DATA_API_ENDPOINT: db.endpoint } : env);
    const repos = createRepositories(db.client);
    if (agent === 'tagger') {
      const model = modelConfigFromEnv(process.env);
      console.log(
        `Model: ${model.provider === 'offline' ? 'the offline model' : `Bedrock ${model.modelId} in ${model.region}`}`,
      );
      const answer = (await handler({
        instruments: symbols.map((symbol) => ({ symbol, name: symbol, instrument_type: null })),
      })) as TaggingAnswer;
      const stored = new Map(
        await Promise.all(symbols.map(async (s) => [s, await repos.instruments.get(s)] as const)),
      );
      printTagging(symbols, answer, stored);
      return 0;
    }
    // Reports and projections belong to a job: create and claim one in a single transaction, so a
    // running `pnpm dev` worker never sees it pending.
    const job = await db.client.transaction(async (tx) => {
      const jobs = createRepositories(tx).jobs;
      const created = await jobs.create(user, { source: `run-agent ${agent}` });
      await jobs.claim(created.id, { staleAfterSeconds: 900 });
      return created;
    });
    try {
      const result = await handler({ job_id: job.id, clerk_user_id: user });
      console.log(JSON.stringify(result, null, 2));
      await repos.jobs.complete(job.id, { agents: [agent], source: 'run-agent' });
    } catch (err: unknown) {
      await repos.jobs.fail(job.id, `${agent}: ${err instanceof Error ? err.message : String(err)}`);
      throw err;
    }
    if (agent === 'reporter')
      console.log(`\n${(await repos.reports.getForJob(user, job.id)).report_detail ?? ''}`);
    if (agent === 'charter') {
      for (const chart of (await repos.reports.getForJob(user, job.id)).charts)
        console.log(`• ${chart.title}: ${chart.description}`);
    }
    if (agent === 'retirement')
      console.log(`\n${(await repos.retirement.getForJob(user, job.id)).summary ?? ''}`);
    return 0;
  } finally {
    await db.close();
  }
}, USAGE);
