import { parseLogLevel } from '@alex/core';
import { type DatabaseConfig, databaseConfigFromEnv } from '@alex/database';
import { z } from 'zod';

/** The planner's settings, read once from the environment with errors that name the variable. */
export interface PlannerEnv {
  database: DatabaseConfig;
  staleAfterSeconds: number;
  logLevel: ReturnType<typeof parseLogLevel>;
  env: Readonly<Record<string, string | undefined>>;
}

const Settings = z.object({
  // Must match the queue's visibility timeout (910 s): after it, SQS redelivers an abandoned job.
  STALE_JOB_SECONDS: z.coerce.number().int().min(1).max(43_200).default(910),
});

/** Reads and validates the planner's environment. */
export function plannerEnv(env: Readonly<Record<string, string | undefined>> = process.env): PlannerEnv {
  const parsed = Settings.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid planner environment: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return {
    database: databaseConfigFromEnv(env),
    staleAfterSeconds: parsed.data.STALE_JOB_SECONDS,
    logLevel: parseLogLevel(env.LOG_LEVEL),
    env,
  };
}
