import { createLogger } from '@alex/core';
import { createDataApiClient, createRepositories } from '@alex/database';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createApiHandler } from './app.ts';
import { createJwtVerifier } from './auth.ts';
import { apiEnv } from './env.ts';
import { SqsJobQueue } from './queue.ts';
import { readWebhookSecret } from './secrets.ts';
import { cachedWebhookSecret } from './webhook-secret.ts';

// Everything is built once per container, at cold start, and reused across invocations.
const settings = apiEnv();
const logger = createLogger({ level: settings.logLevel, bound: { service: 'api' } });
// From Secrets Manager the secret is read on first use and looked up again when a signature fails,
// so a secret stored after deploy works on a warm instance.
const secretsManager = new SecretsManagerClient({});
const webhookSecretArn = settings.webhookSecretArn;
const webhookSecret =
  settings.webhookSecret ??
  (webhookSecretArn
    ? cachedWebhookSecret(() => readWebhookSecret(secretsManager, webhookSecretArn), { logger })
    : undefined);
if (!webhookSecret) logger.warn('no Clerk webhook secret: the webhook route will reject every call');

const api = createApiHandler({
  repos: createRepositories(createDataApiClient(settings.database)),
  queue: new SqsJobQueue(new SQSClient({}), settings.sqsQueueUrl ?? ''),
  auth: createJwtVerifier({
    jwks: settings.auth.jwksUrl,
    issuer: settings.auth.issuer,
    authorizedParties: settings.auth.authorizedParties,
  }),
  cors: { origins: settings.corsOrigins },
  logger,
  localMode: settings.localMode,
  ...(webhookSecret ? { webhookSecret } : {}),
});

/** Lambda entry point behind API Gateway (HTTP API, payload v2). */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  return api(event);
}
