/**
 * Starts one analysis and follows it in the terminal, agent by agent.
 *   pnpm tsx scripts/run-analysis.ts [--user user_test_123]
 * Who does the work: the deployed planner when the Aurora ARNs and SQS_QUEUE_URL are set (the job
 * goes on SQS); the running `pnpm dev` worker; or else this command, running the whole pipeline
 * in-process (offline model unless ALEX_MODEL_PROVIDER=bedrock).
 */

import { createLogger } from '@alex/core';
import { ConflictError, createRepositories } from '@alex/database';
import { openDatabase } from '@alex/local-data-api';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { runMain, UsageError } from './lib/cli.ts';
import { announceTarget, env, REPO_ROOT } from './lib/env.ts';
import { followJob } from './lib/follow-job.ts';

const USAGE = 'Usage: pnpm tsx scripts/run-analysis.ts [--user <clerk_user_id>]';

function parseArgs(argv: readonly string[]): { user: string; help?: boolean } {
  let user = 'user_test_123';
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help') return { user, help: true };
    if (arg === '--user') {
      const value = argv[i + 1];
      if (!value || value.startsWith('--')) throw new UsageError('--user needs a user id');
      user = value;
      i += 1;
    } else throw new UsageError(`Unknown argument: ${arg}`);
  }
  return { user };
}

await runMain(async () => {
  const { user, help } = parseArgs(process.argv.slice(2));
  if (help) {
    console.log(USAGE);
    return 0;
  }
  announceTarget();
  const usingSqs = Boolean(env.AURORA_CLUSTER_ARN && env.SQS_QUEUE_URL);
  const db = await openDatabase(env, REPO_ROOT);
  // A local Data API that was already running belongs to `pnpm dev`, whose worker does the job.
  const usingDev = db.endpoint !== undefined && !db.startedInProcess;
  const logger = createLogger({ level: 'warn' });
  let pipeline:
    | Awaited<ReturnType<typeof import('./lib/local-pipeline.ts')['startLocalPipeline']>>
    | undefined;
  try {
    const repos = createRepositories(db.client);
    if (!(await repos.users.get(user))) {
      throw new Error(`No user ${user}: run pnpm tsx scripts/reset-db.ts --with-test-data, or pass --user`);
    }
    console.log(`Database: ${db.description}`);
    if (usingSqs) {
      console.log(`Worker: the deployed planner, through ${env.SQS_QUEUE_URL}`);
    } else if (!usingDev) {
      // The in-process services are pointed at the database this command opened.
      const serviceEnv = db.endpoint ? { ...env, DATA_API_ENDPOINT: db.endpoint } : env;
      const { startLocalPipeline } = await import('./lib/local-pipeline.ts');
      pipeline = await startLocalPipeline({ client: db.client, env: serviceEnv, logger });
      console.log('Worker: in-process (start `pnpm dev` to use its worker instead)');
    } else {
      console.log('Worker: the running `pnpm dev`');
    }
    let jobId: string;
    try {
      jobId = (await repos.jobs.create(user, { source: 'run-analysis' })).id;
      console.log(`Job ${jobId} queued for ${user}`);
    } catch (err: unknown) {
      if (!(err instanceof ConflictError)) throw err;
      const running = (await repos.jobs.list(user, 5)).find(
        (j) => j.status === 'pending' || j.status === 'running',
      );
      if (!running) throw err;
      jobId = running.id;
      console.log(`An analysis is already running for ${user}: following job ${jobId}`);
    }
    if (usingSqs) {
      await new SQSClient({}).send(
        new SendMessageCommand({
          QueueUrl: env.SQS_QUEUE_URL,
          MessageBody: JSON.stringify({ job_id: jobId }),
        }),
      );
    }
    pipeline?.queue.send(jobId);
    const started = Date.now();
    const job = await followJob(repos, user, jobId, {
      print: (line) => console.log(line),
      onStuck: () =>
        console.log(
          usingSqs
            ? '  … still pending: is the planner deployed and subscribed to the queue? (aws logs tail /aws/lambda/alex-<stage>-planner)'
            : '  … still pending: is the worker running? (restart `pnpm dev`)',
        ),
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (job.status === 'failed') {
      console.log(`\n✖ Job failed after ${seconds} s: ${job.error_message}`);
      return 1;
    }
    const [report, retirement] = await Promise.all([
      repos.reports.getForJob(user, jobId).catch(() => null),
      repos.retirement.getForJob(user, jobId).catch(() => null),
    ]);
    console.log(`\n✓ Job completed in ${seconds} s`);
    if (report)
      console.log(
        `  Report: ${report.report_detail?.length ?? 0} characters, ${report.charts.length} charts`,
      );
    if (retirement) {
      const income = Number(retirement.estimated_income ?? 0).toLocaleString('en-US', {
        style: 'currency',
        currency: 'USD',
        maximumFractionDigits: 0,
      });
      console.log(
        `  Retirement: ${retirement.success_rate}% chance the target income lasts; ${income} a year (today's dollars) lasts in 9 of 10 markets`,
      );
    }
    console.log(`  Stored in reports and retirement with job_id = '${jobId}'`);
    return 0;
  } finally {
    await pipeline?.close();
    await db.close();
  }
}, USAGE);
