import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * Reads the Clerk webhook secret from Secrets Manager. The secret holds
 * `{"CLERK_WEBHOOK_SECRET": "whsec_…"}` (as deploy stores it) or the bare value; an empty one
 * (the placeholder before deploy fills it) is no secret.
 */
export async function readWebhookSecret(
  client: SecretsManagerClient,
  arn: string,
): Promise<string | undefined> {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: arn }));
  const text = SecretString?.trim() ?? '';
  if (!text.startsWith('{')) return text || undefined;
  const value = (JSON.parse(text) as { CLERK_WEBHOOK_SECRET?: unknown }).CLERK_WEBHOOK_SECRET;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Reads the origin secret CloudFront sends (`{"value": "…"}` or the bare value); undefined if empty. */
export async function readOriginSecret(
  client: SecretsManagerClient,
  arn: string,
): Promise<string | undefined> {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: arn }));
  const text = SecretString?.trim() ?? '';
  if (!text.startsWith('{')) return text || undefined;
  const value = (JSON.parse(text) as { value?: unknown }).value;
  return typeof value === 'string' && value !== '' ? value : undefined;
}
