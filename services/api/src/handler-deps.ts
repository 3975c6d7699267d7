import { createLogger, type Env } from '@alex/core';
import { createDataApiClient, createRepositories } from '@alex/database';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createJwtVerifier } from './auth.ts';
import type { ApiDeps } from './deps.ts';
import { apiEnv } from './env.ts';
import { SqsJobQueue } from './queue.ts';
import { readWebhookSecret } from './secrets.ts';

/** The AWS clients the API's dependencies are built with; tests pass their own. */
export interface ApiClients {
  secrets?: SecretsManagerClient;
  sqs?: SQSClient;
}

/**
 * The API's dependencies built from an environment, read once and validated (errors name the
 * variable): Data API repositories, the SQS queue, Clerk JWT verification, CORS, and the webhook
 * secret (from Secrets Manager when only its ARN is set).
 */
export async function apiHandlerDeps(env: Env, clients: ApiClients = {}): Promise<ApiDeps> {
  const settings = apiEnv(env);
  const logger = createLogger({ level: settings.logLevel, bound: { service: 'api' } });
  const webhookSecret =
    settings.webhookSecret ??
    (settings.webhookSecretArn
      ? await readWebhookSecret(clients.secrets ?? new SecretsManagerClient({}), settings.webhookSecretArn)
      : undefined);
  if (!webhookSecret) logger.warn('no Clerk webhook secret: the webhook route will reject every call');
  return {
    repos: createRepositories(createDataApiClient(settings.database)),
    queue: new SqsJobQueue(clients.sqs ?? new SQSClient({}), settings.sqsQueueUrl ?? ''),
    auth: createJwtVerifier({
      jwks: settings.auth.jwksUrl,
      issuer: settings.auth.issuer,
      authorizedParties: settings.auth.authorizedParties,
    }),
    cors: { origins: settings.corsOrigins },
    logger,
    localMode: settings.localMode,
    ...(webhookSecret ? { webhookSecret } : {}),
  };
}
