import {
  type AgentRuntime,
  agentRuntime,
  agentSettings,
  defineAgentHandler,
  TaggerEvent,
} from '@alex/agents';
import type { Env } from '@alex/core';
import { taggerOfflineScript } from './offline.ts';
import { tagInstruments } from './tagger.ts';

/** The tagger's Lambda handler over explicit dependencies: `{job_id?, instruments}` in, `{tagged, unresolved}` out. */
export const createTaggerHandler = (runtime: AgentRuntime) =>
  defineAgentHandler('tagger', TaggerEvent, tagInstruments, runtime);

/** The tagger's dependencies built from an environment, read once and validated (errors name the variable). */
export const taggerHandlerDeps = (env: Env): Promise<AgentRuntime> =>
  agentRuntime(agentSettings(env), 'tagger', taggerOfflineScript);
