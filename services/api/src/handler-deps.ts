import { createLogger, type Env } from '@alex/core';
import { createDataApiClient, createRepositories } from '@alex/database';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createJwtVerifier } from './auth.ts';
import type { ApiDeps } from './deps.ts';
import { apiEnv } from './env.ts';
import { SqsJobQueue } from './queue.ts';
import { readOriginSecret, readWebhookSecret } from './secrets.ts';
import { cachedWebhookSecret } from './webhook-secret.ts';

/** The AWS clients the API's dependencies are built with; tests pass their own. */
export interface ApiClients {
  secrets?: SecretsManagerClient;
  sqs?: SQSClient;
}

/**
 * The API's dependencies built from an environment, read once and validated (errors name the
 * variable): Data API repositories, the SQS queue, Clerk JWT verification, CORS, the per-user limits,
 * and the webhook and origin secrets (from Secrets Manager when only their ARNs are set).
 */
export async function apiHandlerDeps(env: Env, clients: ApiClients = {}): Promise<ApiDeps> {
  const settings = apiEnv(env);
  const logger = createLogger({ level: settings.logLevel, bound: { service: 'api' } });
  // From Secrets Manager the secret is read on first use and looked up again when a signature fails,
  // so a secret stored after deploy works on a warm instance.
  const secretsManager = clients.secrets ?? new SecretsManagerClient({});
  const webhookSecretArn = settings.webhookSecretArn;
  const webhookSecret =
    settings.webhookSecret ??
    (webhookSecretArn
      ? cachedWebhookSecret(() => readWebhookSecret(secretsManager, webhookSecretArn), { logger })
      : undefined);
  if (!webhookSecret) logger.warn('no Clerk webhook secret: the webhook route will reject every call');
  const originSecret =
    settings.originSecret ??
    (settings.originSecretArn ? await readOriginSecret(secretsManager, settings.originSecretArn) : undefined);
  // Without the secret the API would answer anyone who found the execute-api URL: refuse to start.
  if (settings.originSecretArn && !originSecret) throw new Error('The origin secret is empty');
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
    limits: settings.limits,
    ...(originSecret ? { originSecret } : {}),
    ...(webhookSecret ? { webhookSecret } : {}),
  };
}
