import { configureTracing, createModel, generatedByOf, withLangfuseKeys } from '@alex/agents';
import { createLogger, defineHandler } from '@alex/core';
import { createDataApiClient, createRepositories } from '@alex/database';
import { knowledgeFromEnv } from '@alex/knowledge';
import { reporterEnv } from './env.ts';
import { reportWriterScript } from './offline.ts';
import { ReporterEvent, writeReport } from './reporter.ts';

// Clients are created once per container and reused across invocations.
const settings = reporterEnv();
const logger = createLogger({ level: settings.logLevel, bound: { service: 'reporter' } });
const tracing = configureTracing(await withLangfuseKeys(settings.env, logger), logger);
const repos = createRepositories(createDataApiClient(settings.database));
const model = createModel(settings.model, reportWriterScript);
const knowledge = knowledgeFromEnv(settings.env, settings.knowledgeRoot);
logger.debug('reporter ready', { model: generatedByOf(settings.model), knowledge: knowledge.describe });

/** Lambda entry point: `{job_id, clerk_user_id}` in, `{report_chars, insights_available}` out. */
export const handler = defineHandler({
  service: 'reporter',
  event: ReporterEvent,
  logger,
  run: (event, log) =>
    writeReport(event, {
      repos,
      model,
      store: knowledge.store,
      generatedBy: generatedByOf(settings.model),
      logger: log,
    }),
  after: tracing.flush,
});
