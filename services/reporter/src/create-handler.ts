import { type AgentRuntime, agentRuntime, defineAgentHandler } from '@alex/agents';
import type { Env } from '@alex/core';
import { type KnowledgeStore, knowledgeFromEnv } from '@alex/knowledge';
import { reporterEnv } from './env.ts';
import { reportWriterScript } from './offline.ts';
import { ReporterEvent, writeReport } from './reporter.ts';

/** What the reporter's handler is built from: an agent runtime plus the market knowledge store. */
export interface ReporterHandlerDeps extends AgentRuntime {
  store: KnowledgeStore;
}

/** The reporter's Lambda handler over explicit dependencies: `{job_id, clerk_user_id}` in, `{report_chars, insights_available}` out. */
export const createReporterHandler = (deps: ReporterHandlerDeps) =>
  defineAgentHandler(
    'reporter',
    ReporterEvent,
    (event, run) => writeReport(event, { ...run, store: deps.store }),
    deps,
  );

/** The reporter's dependencies built from an environment, read once and validated (errors name the variable). */
export async function reporterHandlerDeps(env: Env): Promise<ReporterHandlerDeps> {
  const settings = reporterEnv(env);
  const runtime = await agentRuntime(settings, 'reporter', reportWriterScript);
  const knowledge = knowledgeFromEnv(settings.env, settings.knowledgeRoot);
  runtime.logger.debug('reporter ready', {
    model: runtime.generatedBy,
    knowledge: knowledge.describe,
  });
  return { ...runtime, store: knowledge.store };
}
