import { PutSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** The Langfuse keys the agents read from `LANGFUSE_SECRET_ARN`, if all are in the environment. */
export function langfuseSecretFrom(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const publicKey = env.LANGFUSE_PUBLIC_KEY;
  const secretKey = env.LANGFUSE_SECRET_KEY;
  if (publicKey === undefined || publicKey === '' || secretKey === undefined || secretKey === '')
    return undefined;
  return JSON.stringify({
    LANGFUSE_PUBLIC_KEY: publicKey,
    LANGFUSE_SECRET_KEY: secretKey,
    LANGFUSE_HOST: env.LANGFUSE_HOST ?? 'https://cloud.langfuse.com',
  });
}

/** The Clerk webhook signing secret the API reads from `CLERK_WEBHOOK_SECRET_ARN`, if set. */
export function clerkWebhookSecretFrom(
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const secret = env.CLERK_WEBHOOK_SECRET;
  return secret === undefined || secret === '' ? undefined : JSON.stringify({ CLERK_WEBHOOK_SECRET: secret });
}

/**
 * Store a value in a secret Terraform created empty. Terraform ignores the value afterwards, so
 * keys go from the student's .env to Secrets Manager without appearing in the synthesised Terraform JSON.
 */
export async function putSecret(
  client: SecretsManagerClient,
  secretArn: string,
  value: string,
): Promise<void> {
  await client.send(new PutSecretValueCommand({ SecretId: secretArn, SecretString: value }));
}
