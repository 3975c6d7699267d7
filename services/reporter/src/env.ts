import { fileURLToPath } from 'node:url';
import { type AgentSettings, agentSettings } from '@alex/agents';
import { type Env, envValue } from '@alex/core';

/** The reporter's settings: an agent's, plus where the local knowledge store lives. */
export interface ReporterEnv extends AgentSettings {
  /**
   * Root under which the local knowledge store lives (`<root>/.alex/knowledge`): `ALEX_ROOT` when
   * set, else the repository root, three folders up from this file. In Lambda the S3 Vectors
   * variables are set and the root is never used.
   */
  knowledgeRoot: string;
}

/** Reads and validates the reporter's environment; errors name the variable. */
export function reporterEnv(env: Env): ReporterEnv {
  return {
    ...agentSettings(env),
    knowledgeRoot: envValue(env, 'ALEX_ROOT') ?? fileURLToPath(new URL('../../../', import.meta.url)),
  };
}
