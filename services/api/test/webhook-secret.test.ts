import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { Webhook } from 'svix';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readWebhookSecret } from '../src/secrets.ts';
import { cachedWebhookSecret, type WebhookSecretSource } from '../src/webhook-secret.ts';
import { startTestApi, type TestApi, WEBHOOK_SECRET } from './support.ts';

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:alex-dev/clerk-webhook';
const secrets = mockClient(SecretsManagerClient);

/** A Clerk `user.created` event signed with `secret`, as Clerk's "Send example" posts it. */
function signedEvent(id: string, secret = WEBHOOK_SECRET) {
  const body = JSON.stringify({ type: 'user.created', object: 'event', data: { id, first_name: 'Ada' } });
  const msgId = `msg_${id}`;
  const at = new Date();
  return {
    rawBody: body,
    headers: {
      'svix-id': msgId,
      'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
      'svix-signature': new Webhook(secret).sign(msgId, at, body),
    },
  };
}

describe('the webhook secret, added to Secrets Manager after deploy', () => {
  let api: TestApi;
  let clock = 0;
  let source: WebhookSecretSource;
  beforeAll(async () => {
    source = cachedWebhookSecret(
      () => readWebhookSecret(new SecretsManagerClient({ region: 'us-east-1' }), ARN),
      { now: () => clock },
    );
    api = await startTestApi('pglite', { webhookSecret: source });
  });
  afterAll(() => api.close());
  beforeEach(() => {
    secrets.reset();
    clock += 60_000;
  });

  it('is read again once when a signature fails, so a warm instance accepts the new secret', async () => {
    // Cold start: the secret is still the empty placeholder the stack created.
    secrets.on(GetSecretValueCommand).resolves({ SecretString: '' });
    expect((await api.call('POST', '/api/webhooks/clerk', signedEvent('user_hook_a'))).status).toBe(401);
    // The student stores the secret and sends Clerk's example event again: no redeploy, no restart.
    secrets.reset();
    secrets
      .on(GetSecretValueCommand)
      .resolves({ SecretString: JSON.stringify({ CLERK_WEBHOOK_SECRET: WEBHOOK_SECRET }) });
    clock += 11_000;
    const res = await api.call('POST', '/api/webhooks/clerk', signedEvent('user_hook_b'));
    expect(res.status).toBe(200);
    expect(secrets).toHaveReceivedCommandTimes(GetSecretValueCommand, 1);
    expect(await api.repos.users.get('user_hook_b')).toMatchObject({ display_name: 'Ada' });
  });

  it('answers bad signatures from the cache: at most one read per short window', async () => {
    secrets
      .on(GetSecretValueCommand)
      .resolves({ SecretString: JSON.stringify({ CLERK_WEBHOOK_SECRET: WEBHOOK_SECRET }) });
    const forged = `whsec_${Buffer.from('somebody else entirely, 32 bytes').toString('base64')}`;
    for (const id of ['f1', 'f2', 'f3']) {
      const res = await api.call('POST', '/api/webhooks/clerk', signedEvent(`user_${id}`, forged));
      expect(res.status).toBe(401);
    }
    expect(secrets).toHaveReceivedCommandTimes(GetSecretValueCommand, 1);
    expect(await api.repos.users.get('user_f1')).toBeNull();
  });

  it('keeps a good secret for its time to live without asking Secrets Manager', async () => {
    secrets
      .on(GetSecretValueCommand)
      .resolves({ SecretString: JSON.stringify({ CLERK_WEBHOOK_SECRET: WEBHOOK_SECRET }) });
    clock += 5 * 60_000; // past the time to live: the next call reads it
    expect((await api.call('POST', '/api/webhooks/clerk', signedEvent('user_ttl_1'))).status).toBe(200);
    clock += 60_000;
    expect((await api.call('POST', '/api/webhooks/clerk', signedEvent('user_ttl_2'))).status).toBe(200);
    expect(secrets).toHaveReceivedCommandTimes(GetSecretValueCommand, 1);
  });
});
