import { configureTracing, createModel, withLangfuseKeys } from '@alex/agents';
import { createLogger, defineHandler } from '@alex/core';
import { createDataApiClient, createRepositories } from '@alex/database';
import { taggerEnv } from './env.ts';
import { taggerOfflineScript } from './offline.ts';
import { TaggerEvent, tagInstruments } from './tagger.ts';

// Clients are created once per container and reused across invocations.
const settings = taggerEnv();
const logger = createLogger({ level: settings.logLevel, bound: { service: 'tagger' } });
const tracing = configureTracing(await withLangfuseKeys(settings.env, logger), logger);
const repos = createRepositories(createDataApiClient(settings.database));
const model = createModel(settings.model, taggerOfflineScript);

/** Lambda entry point: `{job_id?, instruments}` in, `{tagged, unresolved}` out; traces flushed after each call. */
export const handler = defineHandler({
  service: 'tagger',
  event: TaggerEvent,
  logger,
  run: (event, log) => tagInstruments(event, { repos, model, logger: log }),
  after: tracing.flush,
});
