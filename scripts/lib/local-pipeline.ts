import { type AgentName, InProcessInvoker } from '@alex/agents';
import type { Logger } from '@alex/core';
import type { DataApiClient } from '@alex/database';
import { createRepositories } from '@alex/database';
import { createSqsHandler, plannerEnv } from '@alex/planner';
import { LocalQueue, type LocalQueueOptions } from './local-queue.ts';

/** The agents' Lambda handlers, loaded in-process. */
async function loadAgentHandlers(): Promise<Record<AgentName, (event: unknown) => Promise<unknown>>> {
  // Imported only now: each handler module builds its clients from the environment when loaded,
  // and the caller has pointed that environment at the local Data API first.
  const [tagger, reporter, charter, retirement] = await Promise.all([
    import('@alex/tagger/handler'),
    import('@alex/reporter/handler'),
    import('@alex/charter/handler'),
    import('@alex/retirement/handler'),
  ]);
  return {
    tagger: tagger.handler,
    reporter: reporter.handler,
    charter: charter.handler,
    retirement: retirement.handler,
  };
}

/** The whole analysis pipeline in one process: a local queue feeding the planner, agents in-process. */
export interface LocalPipeline {
  queue: LocalQueue;
  /** Queues every pending job not already queued (jobs created by other processes, or left from a crash). */
  requeuePending(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts the local pipeline over `client`. `env` must already point the services at the same
 * database (`DATA_API_ENDPOINT`), since their handlers read it when they load. With
 * `pollMs`, pending jobs are picked up every `pollMs`, so a job created by another process (the
 * API, `run-analysis`) runs too.
 */
export async function startLocalPipeline(options: {
  client: DataApiClient;
  env: Readonly<Record<string, string | undefined>>;
  logger: Logger;
  pollMs?: number;
  queue?: LocalQueueOptions;
}): Promise<LocalPipeline> {
  const repos = createRepositories(options.client);
  const handlers = await loadAgentHandlers();
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
