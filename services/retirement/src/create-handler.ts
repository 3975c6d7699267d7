import { type AgentRuntime, agentRuntime, agentSettings, defineAgentHandler } from '@alex/agents';
import type { Env } from '@alex/core';
import { retirementScript } from './offline.ts';
import { projectRetirement, RetirementEvent } from './retirement.ts';

/** The retirement's Lambda handler over explicit dependencies: `{job_id, clerk_user_id}` in, `{success_rate, estimated_income}` out. */
export const createRetirementHandler = (runtime: AgentRuntime) =>
  defineAgentHandler('retirement', RetirementEvent, projectRetirement, runtime);

/** The retirement's dependencies built from an environment, read once and validated (errors name the variable). */
export const retirementHandlerDeps = (env: Env): Promise<AgentRuntime> =>
  agentRuntime(agentSettings(env), 'retirement', retirementScript);
