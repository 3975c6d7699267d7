import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** The field of the secret's JSON that holds the key (`{"POLYGON_API_KEY": "…"}`). */
export const POLYGON_KEY_FIELD = 'POLYGON_API_KEY';

/**
 * The Polygon.io key from its Secrets Manager secret: `{"POLYGON_API_KEY": "…"}` or the bare key.
 * The placeholder infra creates (an empty key) and a secret without the field give `undefined`.
 */
export async function readPolygonKey(
  client: Pick<SecretsManagerClient, 'send'>,
  arn: string,
): Promise<string | undefined> {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: arn }));
  const text = SecretString?.trim() ?? '';
  if (!text.startsWith('{')) return text || undefined;
  const value = (JSON.parse(text) as Record<string, unknown>)[POLYGON_KEY_FIELD];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
