import { silentLogger } from '@alex/core';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { withLangfuseKeys } from '../src/langfuse-secret.ts';

const ARN = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:alex-dev/langfuse';
const secrets = mockClient(SecretsManagerClient);

describe('withLangfuseKeys', () => {
  beforeEach(() => secrets.reset());

  it('reads the keys from the secret named by LANGFUSE_SECRET_ARN', async () => {
    secrets.on(GetSecretValueCommand).resolves({
      SecretString: JSON.stringify({
        LANGFUSE_PUBLIC_KEY: 'pk',
        LANGFUSE_SECRET_KEY: 'sk',
        LANGFUSE_HOST: 'https://lf',
      }),
    });
    const env = await withLangfuseKeys(
      { LANGFUSE_SECRET_ARN: ARN },
      silentLogger,
      new SecretsManagerClient({}),
    );
    expect(env).toMatchObject({
      LANGFUSE_PUBLIC_KEY: 'pk',
      LANGFUSE_SECRET_KEY: 'sk',
      LANGFUSE_HOST: 'https://lf',
    });
    expect(secrets).toHaveReceivedCommandWith(GetSecretValueCommand, { SecretId: ARN });
  });

  it('keeps tracing on the log when the secret is empty or unreadable', async () => {
    secrets
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: '{"LANGFUSE_PUBLIC_KEY":""}' })
      .rejectsOnce(new Error('AccessDenied'));
    const client = new SecretsManagerClient({});
    expect(
      (await withLangfuseKeys({ LANGFUSE_SECRET_ARN: ARN }, silentLogger, client)).LANGFUSE_PUBLIC_KEY,
    ).toBeUndefined();
    expect(await withLangfuseKeys({ LANGFUSE_SECRET_ARN: ARN }, silentLogger, client)).toEqual({
      LANGFUSE_SECRET_ARN: ARN,
    });
  });

  it('does not call Secrets Manager when the keys are already set or no secret is named', async () => {
    const client = new SecretsManagerClient({});
    await withLangfuseKeys({ LANGFUSE_SECRET_ARN: ARN, LANGFUSE_PUBLIC_KEY: 'pk' }, silentLogger, client);
    await withLangfuseKeys({}, silentLogger, client);
    expect(secrets).not.toHaveReceivedCommand(GetSecretValueCommand);
  });
});
