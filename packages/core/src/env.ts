import type { z } from 'zod';

/** An environment as a process or a Lambda sees it: variable name to text. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A variable holds a value we cannot use, or a required one is missing; the message names it. */
export class EnvironmentError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = new.target.name;
  }
}

/**
 * One variable, trimmed; an empty or blank variable counts as unset. This is the one place that
 * rule lives: `AURORA_CLUSTER_ARN= pnpm …` switches Aurora off, `LOG_LEVEL=` means the default.
 */
export function envValue(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** The variables that are set (non-blank), trimmed, in a fresh object. */
export function setVariables(env: Env): Record<string, string> {
  const set: Record<string, string> = {};
  for (const name of Object.keys(env)) {
    const value = envValue(env, name);
    if (value !== undefined) set[name] = value;
  }
  return set;
}

/**
 * Parses the set variables of `env` with a Zod object schema keyed by variable name. The first
 * problem becomes an {@link EnvironmentError} naming the variable, so a Lambda fails at cold start
 * with a message that says what to fix.
 */
export function readEnv<S extends z.ZodType>(schema: S, env: Env): z.output<S> {
  const parsed = schema.safeParse(setVariables(env));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const [variable = '(environment)', ...within] = issue?.path.map(String) ?? [];
  const where = within.length > 0 ? `item ${within.join('.')}: ` : '';
  throw new EnvironmentError(variable, `${where}${issue?.message ?? 'invalid'}`);
}
