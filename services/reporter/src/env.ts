import { fileURLToPath } from 'node:url';
import { type ModelConfig, modelConfigFromEnv } from '@alex/agents';
import { type LogLevel, parseLogLevel } from '@alex/core';
import { type DatabaseConfig, databaseConfigFromEnv } from '@alex/database';

/** The reporter's settings, read once from the environment (the only place that reads it). */
export interface ReporterEnv {
  database: DatabaseConfig;
  model: ModelConfig;
  logLevel: LogLevel;
  /**
   * Root under which the local knowledge store lives (`<root>/.alex/knowledge`): `ALEX_ROOT` when
   * set, else the repository root, three folders up from this file. In Lambda the S3 Vectors
   * variables are set and the root is never used.
   */
  knowledgeRoot: string;
  /** The raw environment, for adapters that choose themselves (tracing, knowledge). */
  env: Readonly<Record<string, string | undefined>>;
}

/** Reads and validates the reporter's environment; errors name the variable. */
export function reporterEnv(env: Readonly<Record<string, string | undefined>> = process.env): ReporterEnv {
  const root = env.ALEX_ROOT?.trim();
  return {
    database: databaseConfigFromEnv(env),
    model: modelConfigFromEnv(env),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    knowledgeRoot: root ? root : fileURLToPath(new URL('../../../', import.meta.url)),
    env,
  };
}
