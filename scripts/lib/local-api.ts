import { join } from 'node:path';
import {
  apiEnv,
  createApiHandler,
  createJwtVerifier,
  createLocalIssuer,
  type LocalServer,
  serveLocally,
} from '@alex/api';
import type { Logger } from '@alex/core';
import { createRepositories, type DataApiClient } from '@alex/database';

/**
 * Serves the API Lambda's own handler on `host:port` in local mode: the local issuer (unless Clerk
 * keys are configured), the dev helpers, and a queue that hands jobs to the in-process worker.
 */
export async function startLocalApi(options: {
  client: DataApiClient;
  env: Readonly<Record<string, string | undefined>>;
  root: string;
  logger: Logger;
  host: string;
  port: number;
  enqueue: (jobId: string) => void;
}): Promise<LocalServer & { clerk: boolean }> {
  const settings = apiEnv({ ...options.env, ALEX_LOCAL_MODE: '1' });
  const clerk = Boolean(options.env.CLERK_ISSUER);
  const handler = createApiHandler({
    repos: createRepositories(options.client),
    queue: { send: async (jobId) => options.enqueue(jobId) },
    auth: createJwtVerifier({
      jwks: settings.auth.jwksUrl,
      issuer: settings.auth.issuer,
      authorizedParties: settings.auth.authorizedParties,
    }),
    cors: { origins: settings.corsOrigins },
    logger: options.logger.child({ service: 'api' }),
    localMode: true,
    limits: settings.limits,
    localIssuer: await createLocalIssuer(join(options.root, '.alex', 'dev-issuer')),
    ...(settings.webhookSecret ? { webhookSecret: settings.webhookSecret } : {}),
  });
  const server = await serveLocally(handler, { host: options.host, port: options.port });
  return { ...server, clerk };
}
