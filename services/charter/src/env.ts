import { type ModelConfig, modelConfigFromEnv } from '@alex/agents';
import { parseLogLevel } from '@alex/core';
import { type DatabaseConfig, databaseConfigFromEnv } from '@alex/database';

/** The charter's settings, read once from the environment; errors name the variable. */
export interface CharterEnv {
  database: DatabaseConfig;
  model: ModelConfig;
  logLevel: ReturnType<typeof parseLogLevel>;
  /** The raw environment, for tracing (Langfuse keys are read there and nowhere else). */
  env: Readonly<Record<string, string | undefined>>;
}

/** Reads and validates the charter's environment (the only reader of `process.env`). */
export function charterEnv(env: Readonly<Record<string, string | undefined>> = process.env): CharterEnv {
  return {
    database: databaseConfigFromEnv(env),
    model: modelConfigFromEnv(env),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    env,
  };
}
