import { createLogger } from '@alex/core';
import { createDataApiClient, createRepositories } from '@alex/database';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createApiHandler } from './app.ts';
import { createJwtVerifier } from './auth.ts';
import { apiEnv } from './env.ts';
import { SqsJobQueue } from './queue.ts';
import { readOriginSecret, readWebhookSecret } from './secrets.ts';

// Everything is built once per container, at cold start, and reused across invocations.
const settings = apiEnv();
const logger = createLogger({ level: settings.logLevel, bound: { service: 'api' } });
const webhookSecret =
  settings.webhookSecret ??
  (settings.webhookSecretArn
    ? await readWebhookSecret(new SecretsManagerClient({}), settings.webhookSecretArn)
    : undefined);
const originSecret = settings.originSecretArn
  ? await readOriginSecret(new SecretsManagerClient({}), settings.originSecretArn)
  : undefined;
// Without the secret the API would answer anyone who found the execute-api URL: refuse to start.
if (settings.originSecretArn && !originSecret) throw new Error('The origin secret is empty');
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
  limits: settings.limits,
  ...(originSecret ? { originSecret } : {}),
  ...(webhookSecret ? { webhookSecret } : {}),
});

/** Lambda entry point behind API Gateway (HTTP API, payload v2). */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  return api(event);
}
