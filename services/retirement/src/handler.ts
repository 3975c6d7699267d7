import { configureTracing, createModel, generatedByOf, withLangfuseKeys } from '@alex/agents';
import { createLogger, defineHandler } from '@alex/core';
import { createDataApiClient, createRepositories } from '@alex/database';
import { retirementEnv } from './env.ts';
import { retirementScript } from './offline.ts';
import { projectRetirement, RetirementEvent } from './retirement.ts';

// Clients are created once per container and reused across invocations.
const settings = retirementEnv();
const logger = createLogger({ level: settings.logLevel, bound: { service: 'retirement' } });
const tracing = configureTracing(await withLangfuseKeys(settings.env, logger), logger);
const repos = createRepositories(createDataApiClient(settings.database));
const model = createModel(settings.model, retirementScript);

/** Lambda entry point: `{job_id, clerk_user_id}` in, `{success_rate, estimated_income}` out. */
export const handler = defineHandler({
  service: 'retirement',
  event: RetirementEvent,
  logger,
  run: (event, log) =>
    projectRetirement(event, { repos, model, generatedBy: generatedByOf(settings.model), logger: log }),
  after: tracing.flush,
});
