import { resetDatabase } from '@alex/database';
import { startTestDatabase, type TestDatabase } from '@alex/local-data-api/testing';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { Webhook } from 'svix';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandler } from '../src/app.ts';
import { apiHandlerDeps } from '../src/handler-deps.ts';
import { invoke } from './support.ts';

const SECRET = `whsec_${Buffer.from('the cold-start secret, 32 bytes!').toString('base64')}`;
const secrets = mockClient(SecretsManagerClient);

describe('the API handler built from an environment', () => {
  let db: TestDatabase;
  let handler: ReturnType<typeof createApiHandler>;

  beforeAll(async () => {
    db = await startTestDatabase('pglite');
    await resetDatabase(db.client);
    secrets
      .on(GetSecretValueCommand)
      .resolves({ SecretString: JSON.stringify({ CLERK_WEBHOOK_SECRET: SECRET }) });
    const env = {
      ALEX_LOCAL_MODE: '1',
      DATA_API_ENDPOINT: db.url,
      AWS_REGION: 'us-east-1',
      CLERK_WEBHOOK_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:1:secret:alex/clerk-webhook',
      LOG_LEVEL: 'error',
    };
    handler = createApiHandler(
      await apiHandlerDeps(env, { secrets: new SecretsManagerClient({ region: 'us-east-1' }) }),
    );
  });
  afterAll(async () => {
    secrets.restore();
    await db.close();
  });

  it('builds its dependencies from the environment and serves /health', async () => {
    expect((await invoke(handler, 'GET', '/health')).status).toBe(200);
  });

  it('reads the webhook secret from Secrets Manager at cold start and verifies deliveries with it', async () => {
    const body = JSON.stringify({
      type: 'user.created',
      data: { id: 'user_cold_start', first_name: 'Cold' },
    });
    const now = new Date();
    const res = await invoke(handler, 'POST', '/api/webhooks/clerk', {
      rawBody: body,
      headers: {
        'svix-id': 'msg_cold',
        'svix-timestamp': String(Math.floor(now.getTime() / 1000)),
        'svix-signature': new Webhook(SECRET).sign('msg_cold', now, body),
      },
    });
    expect(res.status).toBe(200);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('requires a token on user routes', async () => {
    expect((await invoke(handler, 'GET', '/api/user')).status).toBe(401);
  });
});
