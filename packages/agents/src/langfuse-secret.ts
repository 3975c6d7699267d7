import { type Env, envValue, type Logger, setVariables } from '@alex/core';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';

const LangfuseKeys = z.object({
  LANGFUSE_PUBLIC_KEY: z.string().optional(),
  LANGFUSE_SECRET_KEY: z.string().optional(),
  LANGFUSE_HOST: z.string().optional(),
});

/**
 * The environment with the Langfuse keys filled in from Secrets Manager when only
 * `LANGFUSE_SECRET_ARN` is set (as in the deployed Lambdas: keys never sit in plain environment
 * variables). Keys already in the environment win. A secret that cannot be read, or holds empty keys,
 * leaves tracing on the structured log: a tracing problem must never stop an analysis.
 */
export async function withLangfuseKeys(
  env: Env,
  logger: Logger,
  client: Pick<SecretsManagerClient, 'send'> = new SecretsManagerClient({}),
): Promise<Env> {
  const arn = envValue(env, 'LANGFUSE_SECRET_ARN');
  if (!arn || envValue(env, 'LANGFUSE_PUBLIC_KEY')) return env;
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    const keys = LangfuseKeys.parse(JSON.parse(SecretString ?? '{}'));
    return { ...setVariables(keys), ...setVariables(env) };
  } catch (err: unknown) {
    logger.warn('Langfuse keys could not be read; traces go to the log', { err });
    return env;
  }
}
