import { type AgentRuntime, agentRuntime, agentSettings, defineAgentHandler } from '@alex/agents';
import type { Env } from '@alex/core';
import { ChartEvent, makeCharts } from './charter.ts';
import { charterOfflineScript } from './offline.ts';

/** The charter's Lambda handler over explicit dependencies: `{job_id, clerk_user_id}` in, `{charts}` (stored keys) out. */
export const createCharterHandler = (runtime: AgentRuntime) =>
  defineAgentHandler('charter', ChartEvent, makeCharts, runtime);

/** The charter's dependencies built from an environment, read once and validated (errors name the variable). */
export const charterHandlerDeps = (env: Env): Promise<AgentRuntime> =>
  agentRuntime(agentSettings(env), 'charter', charterOfflineScript);
