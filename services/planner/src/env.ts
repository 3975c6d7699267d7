import { ENV, type Env, envValue, parseLogLevel, readEnv } from '@alex/core';
import { type DatabaseConfig, databaseConfigFromEnv } from '@alex/database';
import { z } from 'zod';

/** The planner's settings, read once from the environment with errors that name the variable. */
export interface PlannerEnv {
  database: DatabaseConfig;
  staleAfterSeconds: number;
  logLevel: ReturnType<typeof parseLogLevel>;
  env: Env;
}

const Settings = z.object({
  // Must match the queue's visibility timeout (910 s): after it, SQS redelivers an abandoned job.
  [ENV.STALE_JOB_SECONDS]: z.coerce.number().int().min(1).max(43_200).default(910),
});

/** Reads and validates the planner's environment. */
export function plannerEnv(env: Env): PlannerEnv {
  return {
    database: databaseConfigFromEnv(env),
    staleAfterSeconds: readEnv(Settings, env).STALE_JOB_SECONDS,
    logLevel: parseLogLevel(envValue(env, 'LOG_LEVEL')),
    env,
  };
}
