import {
  type AgentInput,
  type AgentInvoker,
  type AgentOutput,
  recordJobError,
  recordJobEvent,
  withJobTrace,
} from '@alex/agents';
import type { AgentName, Logger } from '@alex/core';
import type { AnalysisJob, Repositories } from '@alex/database';
import { type AnalysisPlan, planAnalysis } from './decide.ts';
import { describeTagOutcomes, type TaggingOutcome, tagInBatches, tagOutcomes } from './tagging.ts';

/** What the planner needs; built from the environment in Lambda, from local adapters in `pnpm dev`. */
export interface PlannerDeps {
  repos: Repositories;
  invoker: AgentInvoker;
  logger: Logger;
  /** A job silent in `running` this long is taken to be abandoned (the SQS visibility timeout). */
  staleAfterSeconds: number;
  now?: () => number;
}

/** How one delivery of a job ended. */
export type JobOutcome =
  | { kind: 'skipped'; reason: string }
  | { kind: 'completed'; jobId: string }
  | { kind: 'failed'; jobId: string; message: string };

/**
 * Runs one analysis job: claim it (a duplicate or late delivery does nothing), tag instruments that
 * lack data, then run reporter, charter and retirement in parallel. The job ends completed, or
 * failed with a message naming each agent that failed and why. Infrastructure errors (the database
 * unreachable) propagate after the job is handed back, so the queue retries the message.
 */
export async function runAnalysisJob(jobId: string, deps: PlannerDeps): Promise<JobOutcome> {
  const now = deps.now ?? Date.now;
  const job = await deps.repos.jobs.claim(jobId, { staleAfterSeconds: deps.staleAfterSeconds });
  if (!job) {
    const existing = await deps.repos.jobs.getById(jobId);
    const reason = existing ? `job is ${existing.status}` : 'job does not exist';
    deps.logger.info('delivery skipped', { job_id: jobId, reason });
    return { kind: 'skipped', reason };
  }
  const logger = deps.logger.child({ job_id: job.id, user_id: job.clerk_user_id });
  const started = now();
  try {
    const portfolio = await deps.repos.portfolio.get(job.clerk_user_id);
    const plan = planAnalysis(portfolio);
    logger.info('plan', { decisions: plan.decisions, accounts: plan.accounts, positions: plan.positions });
    return await withJobTrace(
      '📊 Portfolio Analysis',
      {
        job_id: job.id,
        user_id: job.clerk_user_id,
        accounts: plan.accounts,
        positions: plan.positions,
        decisions: plan.decisions,
      },
      () => execute(job, plan, { ...deps, logger }, started, now),
    );
  } catch (err: unknown) {
    logger.error('job interrupted; handing it back for a retry', { err });
    await deps.repos.jobs.release(job.id).catch(() => {});
    throw err;
  }
}

async function execute(
  job: AnalysisJob,
  plan: AnalysisPlan,
  deps: PlannerDeps,
  started: number,
  now: () => number,
): Promise<JobOutcome> {
  // The routing decisions, as events on the job's trace (code decides, never the model).
  for (const decision of plan.decisions) await recordJobEvent(`decision: ${decision}`, { decision });
  if (plan.empty) {
    const message = 'planner: the portfolio is empty; add an account with cash or positions first';
    await deps.repos.jobs.fail(job.id, message);
    await recordJobError('job failed', message, { failsTrace: true });
    return { kind: 'failed', jobId: job.id, message };
  }
  const durations: Partial<Record<AgentName, number>> = {};
  const call = async <A extends AgentName>(agent: A, payload: AgentInput<A>): Promise<AgentOutput<A>> => {
    const t0 = now();
    await deps.repos.jobs.setProgress(job.id, agent, {
      status: 'running',
      started_at: new Date(t0).toISOString(),
    });
    try {
      const result = await deps.invoker.invoke(agent, payload);
      durations[agent] = now() - t0;
      await deps.repos.jobs.setProgress(job.id, agent, {
        status: 'completed',
        started_at: new Date(t0).toISOString(),
        finished_at: new Date(now()).toISOString(),
      });
      return result;
    } catch (err: unknown) {
      durations[agent] = now() - t0;
      const message = err instanceof Error ? err.message : String(err);
      await recordJobError(`${agent} failed`, message, { data: { agent } });
      await deps.repos.jobs.setProgress(job.id, agent, {
        status: 'failed',
        started_at: new Date(t0).toISOString(),
        finished_at: new Date(now()).toISOString(),
        message: message.slice(0, 2000),
      });
      throw err;
    }
  };

  let tagging: TaggingOutcome = { called: false, tagged: [], unresolved: [] };
  if (plan.toTag.length > 0) {
    try {
      tagging = await tagInBatches(plan.toTag, deps.repos, (instruments) =>
        call('tagger', { job_id: job.id, instruments }),
      );
    } catch (err: unknown) {
      return fail(job, deps, [['tagger', err]]);
    }
  }
  if (plan.toTag.length === 0) {
    await deps.repos.jobs.setProgress(job.id, 'tagger', {
      status: 'skipped',
      message: 'Every holding already has its price and classification.',
    });
  } else {
    // The tagger's own entry says only "completed": add what became of each symbol.
    const symbols = tagOutcomes(plan.toTag, tagging);
    await deps.repos.jobs.setProgress(job.id, 'tagger', {
      status: tagging.called ? 'completed' : 'skipped',
      message: describeTagOutcomes(symbols),
      symbols,
    });
  }

  const payload = { job_id: job.id, clerk_user_id: job.clerk_user_id };
  const settled = await Promise.allSettled(plan.agents.map((agent) => call(agent, payload)));
  const failures = settled.flatMap((result, i) =>
    result.status === 'rejected' ? [[plan.agents[i] as AgentName, result.reason] as const] : [],
  );
  if (failures.length > 0) return fail(job, deps, failures);

  const wallMs = now() - started;
  await deps.repos.jobs.complete(job.id, {
    agents: plan.agents,
    decisions: plan.decisions,
    tagged: tagging.tagged,
    unresolved: tagging.unresolved,
    durations_ms: durations,
    wall_ms: wallMs,
  });
  deps.logger.info('job completed', { wall_ms: wallMs, durations_ms: durations });
  return { kind: 'completed', jobId: job.id };
}

async function fail(
  job: AnalysisJob,
  deps: PlannerDeps,
  failures: readonly (readonly [AgentName, unknown])[],
): Promise<JobOutcome> {
  const message = failures
    .map(
      ([agent, err]) =>
        `${agent}: ${(err instanceof Error ? err.message : String(err)).replace(/^\w+: /, '')}`,
    )
    .join('; ');
  await deps.repos.jobs.fail(job.id, message);
  await recordJobError('job failed', message, {
    failsTrace: true,
    data: { failed_agents: failures.map(([a]) => a) },
  });
  deps.logger.warn('job failed', { failed_agents: failures.map(([agent]) => agent), error_message: message });
  return { kind: 'failed', jobId: job.id, message };
}
