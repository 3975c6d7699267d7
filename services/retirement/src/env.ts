import { type ModelConfig, modelConfigFromEnv } from '@alex/agents';
import { type LogLevel, parseLogLevel } from '@alex/core';
import { type DatabaseConfig, databaseConfigFromEnv } from '@alex/database';

/** The retirement agent's settings, read once from the environment (the only place that reads it). */
export interface RetirementEnv {
  database: DatabaseConfig;
  model: ModelConfig;
  logLevel: LogLevel;
  /** The raw environment, for tracing (Langfuse keys are read there and nowhere else). */
  env: Readonly<Record<string, string | undefined>>;
}

/** Reads and validates the retirement agent's environment; errors name the variable. */
export function retirementEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): RetirementEnv {
  return {
    database: databaseConfigFromEnv(env),
    model: modelConfigFromEnv(env),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    env,
  };
}
