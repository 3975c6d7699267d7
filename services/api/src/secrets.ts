import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * One string from a Secrets Manager secret that holds either `{"<key>": "…"}` (as deploy stores
 * it) or the bare value; an empty one (the placeholder before deploy fills it) is no secret.
 */
async function readSecretValue(
  client: SecretsManagerClient,
  arn: string,
  key: string,
): Promise<string | undefined> {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: arn }));
  const text = SecretString?.trim() ?? '';
  if (!text.startsWith('{')) return text || undefined;
  const value = (JSON.parse(text) as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Reads the Clerk webhook secret (`{"CLERK_WEBHOOK_SECRET": "whsec_…"}` or the bare value). */
export const readWebhookSecret = (client: SecretsManagerClient, arn: string): Promise<string | undefined> =>
  readSecretValue(client, arn, 'CLERK_WEBHOOK_SECRET');

/** Reads the origin secret CloudFront sends (`{"value": "…"}` or the bare value). */
export const readOriginSecret = (client: SecretsManagerClient, arn: string): Promise<string | undefined> =>
  readSecretValue(client, arn, 'value');
