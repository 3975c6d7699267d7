import type { AgentHandler } from '@alex/agents';
import { charterHandlerDeps, createCharterHandler } from '@alex/charter';
import { AGENT_NAMES, type AgentName, type Env } from '@alex/core';
import { createReporterHandler, reporterHandlerDeps } from '@alex/reporter';
import { createRetirementHandler, retirementHandlerDeps } from '@alex/retirement';
import { createTaggerHandler, taggerHandlerDeps } from '@alex/tagger';

// One builder per agent: the compiler insists on an entry for every name in AGENT_NAMES.
const BUILDERS: { readonly [A in AgentName]: (env: Env) => Promise<AgentHandler> } = {
  tagger: async (env) => createTaggerHandler(await taggerHandlerDeps(env)),
  reporter: async (env) => createReporterHandler(await reporterHandlerDeps(env)),
  charter: async (env) => createCharterHandler(await charterHandlerDeps(env)),
  retirement: async (env) => createRetirementHandler(await retirementHandlerDeps(env)),
};

/**
 * One agent's Lambda handler, built in this process from `env` exactly as its Lambda entry builds
 * it from its own environment. `env` is passed in (e.g. with `DATA_API_ENDPOINT` pointing at the
 * database a script opened): scripts never rewrite `process.env`.
 */
export function agentHandler(agent: AgentName, env: Env): Promise<AgentHandler> {
  return BUILDERS[agent](env);
}

/** Every agent's handler, built from `env` (see {@link agentHandler}). */
export async function agentHandlers(env: Env): Promise<Record<AgentName, AgentHandler>> {
  const built = await Promise.all(AGENT_NAMES.map(async (agent) => [agent, await agentHandler(agent, env)]));
  return Object.fromEntries(built) as Record<AgentName, AgentHandler>;
}
