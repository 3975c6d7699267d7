import { configureTracing, createModel, generatedByOf, withLangfuseKeys } from '@alex/agents';
import { createLogger, defineHandler } from '@alex/core';
import { createDataApiClient, createRepositories } from '@alex/database';
import { ChartEvent, makeCharts } from './charter.ts';
import { charterEnv } from './env.ts';
import { charterOfflineScript } from './offline.ts';

// Clients are created once per container and reused across invocations.
const settings = charterEnv();
const logger = createLogger({ level: settings.logLevel, bound: { service: 'charter' } });
const tracing = configureTracing(await withLangfuseKeys(settings.env, logger), logger);
const repos = createRepositories(createDataApiClient(settings.database));
const model = createModel(settings.model, charterOfflineScript);

/** Lambda entry point: `{job_id, clerk_user_id}` in, `{charts}` (stored keys) out; traces flushed after each call. */
export const handler = defineHandler({
  service: 'charter',
  event: ChartEvent,
  logger,
  run: (event, log) =>
    makeCharts(event, { repos, model, generatedBy: generatedByOf(settings.model), logger: log }),
  after: tracing.flush,
});
