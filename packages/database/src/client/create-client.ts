import { Agent } from 'node:http';
import { ENV, type Env, EnvironmentError, type RetryPolicy, readEnv } from '@alex/core';
import { RDSDataClient } from '@aws-sdk/client-rds-data';
import { z } from 'zod';
import { DataApiClient } from './data-api-client.ts';

/** Where the local Data API listens unless `DATA_API_ENDPOINT` says otherwise. */
export const DEFAULT_LOCAL_ENDPOINT = 'http://127.0.0.1:8010';

/** Placeholder ARNs for the local Data API (it accepts any non-empty ARN). */
export const LOCAL_TARGET = {
  resourceArn: 'arn:aws:rds:us-east-1:000000000000:cluster:alex-local',
  secretArn: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:alex-local',
};

const DatabaseEnv = z.object({
  [ENV.AURORA_CLUSTER_ARN]: z.string().min(1).optional(),
  [ENV.AURORA_SECRET_ARN]: z.string().min(1).optional(),
  [ENV.AURORA_DATABASE]: z.string().min(1).default('alex'),
  DATA_API_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().min(1).optional(),
  AWS_DEFAULT_REGION: z.string().min(1).optional(),
});

/** Which Data API to talk to: Aurora (both ARNs set) or the local one. */
export type DatabaseConfig =
  | {
      mode: 'aurora';
      resourceArn: string;
      secretArn: string;
      database: string;
      region: string | undefined;
      endpoint: string | undefined;
    }
  | {
      mode: 'local';
      resourceArn: string;
      secretArn: string;
      database: string;
      region: string;
      endpoint: string;
    };

/**
 * Reads the database settings from an environment record. Aurora needs both `AURORA_CLUSTER_ARN`
 * and `AURORA_SECRET_ARN`; with neither, the local Data API at `DATA_API_ENDPOINT` is used.
 */
export function databaseConfigFromEnv(env: Env): DatabaseConfig {
  // An empty variable counts as unset (`AURORA_CLUSTER_ARN= pnpm …` switches Aurora off).
  const e = readEnv(DatabaseEnv, env);
  if (e.AURORA_CLUSTER_ARN && e.AURORA_SECRET_ARN) {
    return {
      mode: 'aurora',
      resourceArn: e.AURORA_CLUSTER_ARN,
      secretArn: e.AURORA_SECRET_ARN,
      database: e.AURORA_DATABASE,
      region: e.AWS_REGION ?? e.AWS_DEFAULT_REGION ?? regionOfArn(e.AURORA_CLUSTER_ARN),
      endpoint: e.DATA_API_ENDPOINT,
    };
  }
  if (e.AURORA_CLUSTER_ARN || e.AURORA_SECRET_ARN) {
    const missing = e.AURORA_CLUSTER_ARN ? 'AURORA_SECRET_ARN' : 'AURORA_CLUSTER_ARN';
    throw new EnvironmentError(
      missing,
      'is not set: Aurora needs both AURORA_CLUSTER_ARN and AURORA_SECRET_ARN',
    );
  }
  return {
    mode: 'local',
    ...LOCAL_TARGET,
    database: e.AURORA_DATABASE,
    region: 'us-east-1',
    endpoint: e.DATA_API_ENDPOINT ?? DEFAULT_LOCAL_ENDPOINT,
  };
}

function regionOfArn(arn: string): string | undefined {
  return arn.split(':')[3] || undefined;
}

/**
 * Sockets one client keeps open to the local Data API: as many as statements in flight under load
 * (`pnpm bench api` runs 50 clients), each kept alive and reused, so no statement pays for a TCP
 * connection. (Against Aurora the SDK's own HTTPS agent is kept: keep-alive, 50 sockets.)
 */
export const LOCAL_MAX_SOCKETS = 64;

/** Builds the SDK client and the {@link DataApiClient} for a config. SDK retries are off: ours apply. */
export function createDataApiClient(
  config: DatabaseConfig,
  options: { retry?: Partial<RetryPolicy> } = {},
): DataApiClient {
  const rds = new RDSDataClient({
    maxAttempts: 1,
    // Resolve each command's middleware stack once, not on every send (nothing here changes the stack).
    cacheMiddleware: true,
    ...(config.region ? { region: config.region } : {}),
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    // The local Data API does not check signatures; any credentials will do. It speaks plain HTTP.
    ...(config.mode === 'local'
      ? {
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: LOCAL_MAX_SOCKETS }) },
        }
      : {}),
  });
  return new DataApiClient(
    rds,
    { resourceArn: config.resourceArn, secretArn: config.secretArn, database: config.database },
    options,
  );
}

/** A client for a local Data API at `endpoint` (any ARNs; database `alex`): tests, benchmarks, scripts. */
export function localDataApiClient(
  endpoint: string,
  options: { retry?: Partial<RetryPolicy> } = {},
): DataApiClient {
  return createDataApiClient(
    { mode: 'local', ...LOCAL_TARGET, database: 'alex', region: 'us-east-1', endpoint },
    options,
  );
}
