import { InProcessInvoker } from '@alex/agents';
import type { Env, Logger } from '@alex/core';
import type { DataApiClient } from '@alex/database';
import { createRepositories } from '@alex/database';
import { createSqsHandler, plannerEnv } from '@alex/planner';
import { agentHandlers } from './agent-handlers.ts';
import { LocalQueue, type LocalQueueOptions } from './local-queue.ts';

/** The whole analysis pipeline in one process: a local queue feeding the planner, agents in-process. */
export interface LocalPipeline {
  queue: LocalQueue;
  /** Queues every pending job not already queued (jobs created by other processes, or left from a crash). */
  requeuePending(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts the local pipeline over `client`. The agents' handlers are built from `env`, which must
 * point them at the same database (`DATA_API_ENDPOINT`). With
 * `pollMs`, pending jobs are picked up every `pollMs`, so a job created by another process (the
 * API, `run-analysis`) runs too.
 */
export async function startLocalPipeline(options: {
  client: DataApiClient;
  env: Env;
  logger: Logger;
  pollMs?: number;
  queue?: LocalQueueOptions;
}): Promise<LocalPipeline> {
  const repos = createRepositories(options.client);
  const handlers = await agentHandlers(options.env);
  const planner = createSqsHandler({
    repos,
    invoker: new InProcessInvoker(handlers),
    logger: options.logger.child({ service: 'planner' }),
    staleAfterSeconds: plannerEnv(options.env).staleAfterSeconds,
  });
  const queue = new LocalQueue(planner, options.logger, options.queue);
  const requeuePending = async () => {
    let queued = 0;
    for (const id of await repos.jobs.listPendingIds()) if (queue.send(id)) queued += 1;
    return queued;
  };
  let timer: NodeJS.Timeout | undefined;
  if (options.pollMs) {
    const poll = () => {
      requeuePending()
        .catch((err: unknown) =>
          options.logger.warn('local pipeline: polling for pending jobs failed', { err }),
        )
        .finally(() => {
          timer = setTimeout(poll, options.pollMs);
        });
    };
    poll();
  }
  return {
    queue,
    requeuePending,
    async close() {
      if (timer) clearTimeout(timer);
      await queue.close();
    },
  };
}
