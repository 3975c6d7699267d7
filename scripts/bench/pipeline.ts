import { InProcessInvoker } from '@alex/agents';
import { AGENT_NAMES, createLogger } from '@alex/core';
import { startSeededDatabase } from '@alex/local-data-api';
import { createSqsHandler } from '@alex/planner';
import { agentHandlers } from '../lib/agent-handlers.ts';
import { type BenchResult, type BenchSuite, ratioOf } from './harness.ts';

/** Simulated model latency added to every agent call. */
const LATENCY_MS = 400;
const RUNS = 3;

/** The longest chain of agent calls: the tagger (when it ran), then the slowest of the three that run in parallel. */
function criticalPathMs(durations: Record<string, number>): number {
  const parallel = ['reporter', 'charter', 'retirement'].map((agent) => durations[agent] ?? 0);
  return (durations.tagger ?? 0) + Math.max(...parallel);
}

/**
 * Pipeline wall time with every agent slowed by a fixed simulated model latency, against its critical
 * path (tagger + the slowest of reporter/charter/retirement; 1.0× is ideal, the target ≤ 1.1×) and
 * against the sum of the agents' own times (the speed-up from running the three in parallel).
 */
export const pipelineSuite: BenchSuite = {
  name: 'pipeline',
  async run() {
    const db = await startSeededDatabase();
    try {
      const handlers = await agentHandlers({
        DATA_API_ENDPOINT: db.url,
        ALEX_MODEL_PROVIDER: 'offline',
        LOG_LEVEL: 'error',
      });
      const slow =
        (handler: (event: unknown) => Promise<unknown>) =>
        async (event: unknown): Promise<unknown> => {
          await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
          return handler(event);
        };
      const invoker = new InProcessInvoker(
        Object.fromEntries(AGENT_NAMES.map((agent) => [agent, slow(handlers[agent])])),
      );
      const { repos } = db;
      const planner = createSqsHandler({
        repos,
        invoker,
        logger: createLogger({ level: 'error' }),
        staleAfterSeconds: 910,
      });
      let wall = 0;
      let sum = 0;
      let critical = 0;
      // One untimed run first, as medianMs warms up: the first job pays for first queries and JIT in the
      // local database (≈ 0.3 s reading the portfolio, 0.2 s for the first progress write, measured).
      for (let i = -1; i < RUNS; i += 1) {
        const job = await repos.jobs.create('user_test_123');
        await planner({
          Records: [{ messageId: `bench-${i}`, body: JSON.stringify({ job_id: job.id }) } as never],
        });
        const done = await repos.jobs.get('user_test_123', job.id);
        const result = done.result_data as { wall_ms: number; durations_ms: Record<string, number> };
        if (i < 0) continue;
        wall += result.wall_ms;
        sum += Object.values(result.durations_ms).reduce((a, b) => a + b, 0);
        critical += criticalPathMs(result.durations_ms);
      }
      const results: BenchResult[] = [
        {
          suite: 'pipeline',
          name: 'analysis wall time',
          value: Math.round(wall / RUNS),
          unit: 'ms',
          ratio: ratioOf(wall, critical),
          baseline: `of the critical path: ${Math.round(critical / RUNS)} ms (target ≤ 1.1×)`,
          note: `${LATENCY_MS} ms simulated model latency per agent, offline model`,
        },
        { suite: 'pipeline', name: "sum of the agents' times", value: Math.round(sum / RUNS), unit: 'ms' },
        {
          suite: 'pipeline',
          name: 'parallel speed-up',
          value: Number((sum / wall).toFixed(2)),
          unit: '×',
          ratio: ratioOf(sum, wall),
          baseline: "sum of the agents' times over wall time",
        },
      ];
      return results;
    } finally {
      await db.close();
    }
  },
};
