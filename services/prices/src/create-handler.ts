import { createLogger, defineHandler, ENV, type Env, type Logger, parseLogLevel, readEnv } from '@alex/core';
import {
  createDataApiClient,
  createRepositories,
  databaseConfigFromEnv,
  type Repositories,
} from '@alex/database';
import { type PolygonOptions, type PriceUpdate, polygonPriceSource, updatePrices } from '@alex/market-data';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import { readPolygonKey } from './secret.ts';

/** What the price Lambda runs with; tests pass their own. */
export interface PricesDeps {
  repos: Pick<Repositories, 'instruments' | 'prices'>;
  /** The Polygon.io key, or `undefined` when none is configured. Read on every run, so a key put after deploy is used. */
  polygonKey: () => Promise<string | undefined>;
  logger: Logger;
  /** Where and when Polygon is asked (a local fake and a fixed day in tests). */
  polygon?: Omit<PolygonOptions, 'apiKey'>;
}

/** What one run did: skipped without a key, or the update's outcome. */
export type PricesResult = { skipped: 'no-key' } | ({ skipped?: undefined } & PriceUpdate);

/**
 * The price Lambda over explicit dependencies. Without a key it logs that and changes nothing; with
 * one it stores Polygon's latest closes (never over a newer stored price). A Polygon or database
 * failure propagates, so the invocation fails and its error alarm fires.
 */
export const createPricesHandler = (deps: PricesDeps) =>
  defineHandler({
    service: 'prices',
    // EventBridge sends its scheduled-event envelope; nothing in it is needed.
    event: z.unknown(),
    logger: deps.logger,
    run: async (_event, logger): Promise<PricesResult> => {
      const apiKey = await deps.polygonKey();
      if (!apiKey) {
        logger.info('no Polygon.io key in the secret: no prices fetched, nothing changed');
        return { skipped: 'no-key' };
      }
      const result = await updatePrices(polygonPriceSource({ ...deps.polygon, apiKey }), deps.repos);
      logger.info('prices updated', {
        updated: result.updated.length,
        older: result.older,
        missing: result.missing,
      });
      return result;
    },
  });

const PricesEnv = z.object({
  [ENV.POLYGON_SECRET_ARN]: z.string().startsWith('arn:').optional(),
  /** Another Polygon-compatible base URL (a fake in tests of a built bundle); never set by the infra. */
  POLYGON_BASE_URL: z.url().optional(),
});

/** The AWS clients the dependencies are built with; tests pass their own. */
export interface PricesClients {
  secrets?: Pick<SecretsManagerClient, 'send'>;
}

/** The price Lambda's dependencies from an environment, read once and validated (errors name the variable). */
export function pricesHandlerDeps(env: Env, clients: PricesClients = {}): PricesDeps {
  const settings = readEnv(PricesEnv, env);
  const logger = createLogger({ level: parseLogLevel(env.LOG_LEVEL), bound: { service: 'prices' } });
  const arn = settings.POLYGON_SECRET_ARN;
  const secrets = clients.secrets ?? new SecretsManagerClient({});
  return {
    repos: createRepositories(createDataApiClient(databaseConfigFromEnv(env))),
    polygonKey: async () => (arn ? readPolygonKey(secrets, arn) : undefined),
    logger,
    ...(settings.POLYGON_BASE_URL ? { polygon: { baseUrl: settings.POLYGON_BASE_URL } } : {}),
  };
}
