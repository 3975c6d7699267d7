import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { SqsJobQueue } from '../src/queue.ts';
import { readWebhookSecret } from '../src/secrets.ts';

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/alex-analysis';
const sqs = mockClient(SQSClient);
const secrets = mockClient(SecretsManagerClient);

beforeEach(() => {
  sqs.reset();
  secrets.reset();
});

describe('SqsJobQueue', () => {
  it('sends one {job_id} message to the configured queue', async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
    await new SqsJobQueue(new SQSClient({ region: 'us-east-1' }), QUEUE_URL).send('job-1');
    expect(sqs).toHaveReceivedCommandWith(SendMessageCommand, {
      QueueUrl: QUEUE_URL,
      MessageBody: JSON.stringify({ job_id: 'job-1' }),
    });
  });

  it('lets an SQS failure propagate so the API can fail the job', async () => {
    sqs.on(SendMessageCommand).rejects(new Error('throttled'));
    await expect(
      new SqsJobQueue(new SQSClient({ region: 'us-east-1' }), QUEUE_URL).send('job-1'),
    ).rejects.toThrow('throttled');
  });
});

describe('readWebhookSecret', () => {
  const client = () => new SecretsManagerClient({ region: 'us-east-1' });

  it('reads the secret stored as {"CLERK_WEBHOOK_SECRET": …}', async () => {
    secrets
      .on(GetSecretValueCommand)
      .resolves({ SecretString: JSON.stringify({ CLERK_WEBHOOK_SECRET: 'whsec_abc' }) });
    expect(await readWebhookSecret(client(), 'arn:aws:secretsmanager:x')).toBe('whsec_abc');
    expect(secrets).toHaveReceivedCommandWith(GetSecretValueCommand, {
      SecretId: 'arn:aws:secretsmanager:x',
    });
  });

  it('reads a bare secret string', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'whsec_bare' });
    expect(await readWebhookSecret(client(), 'arn:aws:secretsmanager:x')).toBe('whsec_bare');
  });

  it('treats the empty placeholder as no secret', async () => {
    secrets
      .on(GetSecretValueCommand)
      .resolves({ SecretString: JSON.stringify({ CLERK_WEBHOOK_SECRET: '' }) });
    expect(await readWebhookSecret(client(), 'arn:aws:secretsmanager:x')).toBeUndefined();
  });
});
