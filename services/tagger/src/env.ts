import { type ModelConfig, modelConfigFromEnv } from '@alex/agents';
import { parseLogLevel } from '@alex/core';
import { type DatabaseConfig, databaseConfigFromEnv } from '@alex/database';

/** The tagger's settings, read once from the environment; errors name the variable. */
export interface TaggerEnv {
  database: DatabaseConfig;
  model: ModelConfig;
  logLevel: ReturnType<typeof parseLogLevel>;
  /** The raw environment, for tracing (Langfuse keys are read there and nowhere else). */
  env: Readonly<Record<string, string | undefined>>;
}

/** Reads and validates the tagger's environment (the only reader of `process.env`). */
export function taggerEnv(env: Readonly<Record<string, string | undefined>> = process.env): TaggerEnv {
  return {
    database: databaseConfigFromEnv(env),
    model: modelConfigFromEnv(env),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    env,
  };
}
