import {
  createModel,
  FALLBACK_GENERATED_BY,
  type ModelConfig,
  type OfflineScript,
  TaggerEvent,
} from '@alex/agents';
import { charterOfflineScript, makeCharts } from '@alex/charter';
import { createLogger, type Logger, silentMetrics } from '@alex/core';
import type { DataApiClient, Repositories } from '@alex/database';
import { createRepositories } from '@alex/database';
import { knowledgeFromEnv } from '@alex/knowledge';
import { ReporterEvent, reportWriterScript, writeReport } from '@alex/reporter';
import { projectRetirement, RetirementEvent, retirementScript } from '@alex/retirement';
import { taggerOfflineScript, tagInstruments } from '@alex/tagger';

/** The four agents, in the order the smoke test runs them. */
export const SMOKE_AGENTS = ['tagger', 'reporter', 'charter', 'retirement'] as const;
export type SmokeAgent = (typeof SMOKE_AGENTS)[number];

/** The tiny fixed portfolio: two seeded funds, and a stock the tagger must classify. */
export const SMOKE_USER = 'user_smoke_bedrock';
export const SMOKE_TAG_SYMBOL = 'AAPL';

/** Tokens Bedrock reported in its Converse answers, and how many calls it answered. */
export interface Meter {
  calls: number;
  inputTokens: number;
  outputTokens: number;
}

/**
 * Meters Converse calls by wrapping `fetch` (the Bedrock provider resolves it on every call): tokens
 * exactly as Bedrock counted them in each answer's `usage`.
 */
export function meterConverse(meter: () => Meter): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const response = await original(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (!/\/model\/[^/]+\/converse$/.test(url)) return response;
    const current = meter();
    current.calls += 1;
    if (response.ok) {
      const body = (await response.clone().json()) as {
        usage?: { inputTokens?: number; outputTokens?: number };
      };
      current.inputTokens += body.usage?.inputTokens ?? 0;
      current.outputTokens += body.usage?.outputTokens ?? 0;
    }
    return response;
  };
  return () => {
    globalThis.fetch = original;
  };
}

/** Creates the smoke user's portfolio and a claimed job for the job-based agents. */
export async function prepareSmokePortfolio(
  client: DataApiClient,
): Promise<{ repos: Repositories; jobId: string }> {
  const repos = createRepositories(client);
  await repos.users.getOrCreate({ clerk_user_id: SMOKE_USER });
  const account = await repos.accounts.create(SMOKE_USER, {
    account_name: 'Smoke test',
    cash_balance: '500',
  });
  await repos.positions.upsert(SMOKE_USER, { account_id: account.id, symbol: 'VTI', quantity: '10' });
  await repos.positions.upsert(SMOKE_USER, { account_id: account.id, symbol: 'BND', quantity: '20' });
  const job = await repos.jobs.create(SMOKE_USER, { source: 'smoke-bedrock' });
  await repos.jobs.claim(job.id, { staleAfterSeconds: 900 });
  return { repos, jobId: job.id };
}

const SCRIPTS: Record<SmokeAgent, OfflineScript> = {
  tagger: taggerOfflineScript,
  reporter: reportWriterScript,
  charter: charterOfflineScript,
  retirement: retirementScript,
};

/** A logger that keeps the agent's warnings: each one means part of its answer was not Claude's. */
function warningLogger(warnings: string[]): Logger {
  return createLogger({
    level: 'warn',
    sink: (line) => {
      const record = JSON.parse(line) as { message?: string; err?: { message?: string } };
      warnings.push([record.message, record.err?.message].filter(Boolean).join(': '));
    },
  });
}

/**
 * Runs one agent once on Bedrock through its entry function (one model retry, so a broken setup fails
 * fast). Resolves when Claude's answer was used; throws with the reason otherwise.
 */
export async function runSmokeAgent(
  agent: SmokeAgent,
  config: Extract<ModelConfig, { provider: 'bedrock' }>,
  context: { repos: Repositories; jobId: string; root: string },
): Promise<void> {
  const model = createModel(config, SCRIPTS[agent], { retry: { maxAttempts: 2 } });
  const warnings: string[] = [];
  const logger = warningLogger(warnings);
  const job = { job_id: context.jobId, clerk_user_id: SMOKE_USER };
  const { repos } = context;
  // The writers' shared deps; the metric lines would only clutter the smoke test's output.
  const writer = { repos, model, logger, generatedBy: config.modelId, metrics: silentMetrics };
  if (agent === 'tagger') {
    const event = TaggerEvent.parse({
      instruments: [{ symbol: SMOKE_TAG_SYMBOL, name: SMOKE_TAG_SYMBOL, instrument_type: null }],
    });
    const result = await tagInstruments(event, { repos, model, logger, concurrency: 1 });
    if (!result.tagged.includes(SMOKE_TAG_SYMBOL))
      throw new Error(
        `${SMOKE_TAG_SYMBOL} was not classified: ${result.unresolved[0]?.reason ?? warnings[0] ?? 'no reason given'}`,
      );
  } else if (agent === 'reporter') {
    const store = knowledgeFromEnv({}, context.root).store;
    await writeReport(ReporterEvent.parse(job), { ...writer, store });
    const report = await repos.reports.getForJob(SMOKE_USER, context.jobId);
    if (report.generated_by === FALLBACK_GENERATED_BY)
      throw new Error(`Claude's report was unusable: ${warnings[0] ?? ''}`);
  } else if (agent === 'charter') {
    await makeCharts(job, writer);
    const report = await repos.reports.getForJob(SMOKE_USER, context.jobId);
    if (report.charts.some((chart) => chart.generated_by === FALLBACK_GENERATED_BY))
      throw new Error(`Claude's chart titles were unusable: ${warnings[0] ?? ''}`);
  } else {
    await projectRetirement(RetirementEvent.parse(job), writer);
    const retirement = await repos.retirement.getForJob(SMOKE_USER, context.jobId);
    if (retirement.generated_by === FALLBACK_GENERATED_BY)
      throw new Error(`Claude's retirement analysis was unusable: ${warnings[0] ?? ''}`);
  }
  if (warnings.length > 0) throw new Error(`part of the answer was not Claude's: ${warnings.join('; ')}`);
}
