import { createRepositories, type Repositories, resetDatabase } from '@alex/database';
import { startTestDatabase, type TestDatabase } from '@alex/local-data-api/testing';
import { startPolygonFake } from '@alex/market-data/testing';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPricesHandler, type PricesDeps, pricesHandlerDeps } from '../src/index.ts';

const KEY = 'pk_test_daily';
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:alex-test/polygon-AbCdEf';
// The schedule fires on the 3rd; the last closes are the 2nd's.
const TODAY = () => new Date('2026-01-03T06:00:00Z');
const SCHEDULED_EVENT = {
  version: '0',
  id: 'c2f1f4a5-0000-4000-8000-000000000000',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  time: '2026-01-03T06:00:00Z',
  detail: {},
};

const secrets = mockClient(SecretsManagerClient);
let db: TestDatabase;
let repos: Repositories;
let fake: Awaited<ReturnType<typeof startPolygonFake>>;

beforeAll(async () => {
  db = await startTestDatabase('pglite');
  repos = createRepositories(db.client);
  fake = await startPolygonFake({
    key: KEY,
    closes: { '2026-01-02': { SPY: 612.345678, BND: 73.1, NOTHELD: 10 } },
    perMinute: 1000,
  });
});
afterAll(async () => {
  await fake?.close();
  await db?.close();
});
beforeEach(async () => {
  await resetDatabase(db.client);
  secrets.reset();
  fake.requests.length = 0;
});

/** The deployed dependencies (the real Data API client against the test database), with a fixed day. */
function deps(env: Record<string, string>): PricesDeps {
  const built = pricesHandlerDeps(
    { DATA_API_ENDPOINT: db.url, POLYGON_BASE_URL: fake.url, LOG_LEVEL: 'error', ...env },
    { secrets: secrets as unknown as SecretsManagerClient },
  );
  return { ...built, polygon: { ...built.polygon, today: TODAY } };
}

const storedSecret = (value: string) =>
  secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({ SecretString: value });

const prices = async () =>
  Object.fromEntries(
    (await repos.instruments.list()).map((i) => [i.symbol, [i.current_price, i.price_as_of]] as const),
  );

describe('the daily price Lambda', () => {
  it.each([
    ['the placeholder infra creates', JSON.stringify({ POLYGON_API_KEY: '' })],
    ['an empty secret', ''],
    ['JSON without the key', JSON.stringify({ other: 'x' })],
  ])('with %s: fetches nothing, changes nothing, does not fail', async (_what, value) => {
    storedSecret(value);
    const before = await prices();

    const result = await createPricesHandler(deps({ POLYGON_SECRET_ARN: SECRET_ARN }))(SCHEDULED_EVENT);

    expect(result).toEqual({ skipped: 'no-key' });
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    expect(fake.requests).toEqual([]);
    expect(await prices()).toEqual(before);
  });

  it('without a secret configured: reads no secret, changes nothing', async () => {
    const before = await prices();

    const result = await createPricesHandler(deps({}))(SCHEDULED_EVENT);

    expect(result).toEqual({ skipped: 'no-key' });
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(0);
    expect(await prices()).toEqual(before);
  });

  it.each([
    ['JSON', JSON.stringify({ POLYGON_API_KEY: KEY })],
    ['a bare key', KEY],
  ])('with a key stored as %s: stores the last closes with their day', async (_how, value) => {
    storedSecret(value);

    const result = await createPricesHandler(deps({ POLYGON_SECRET_ARN: SECRET_ARN }))(SCHEDULED_EVENT);

    expect(result).toMatchObject({ source: 'Polygon.io', updated: ['BND', 'SPY'], older: [] });
    expect(result).toHaveProperty('missing', expect.arrayContaining(['QQQ']));
    expect(await repos.instruments.get('SPY')).toMatchObject({
      current_price: '612.3457',
      price_as_of: '2026-01-02',
    });
    expect(await repos.instruments.get('BND')).toMatchObject({
      current_price: '73.1000',
      price_as_of: '2026-01-02',
    });
    expect(await repos.instruments.get('NOTHELD')).toBeNull();
    expect(fake.requests.map((r) => r.path)).toEqual(['/v2/aggs/grouped/locale/us/market/stocks/2026-01-02']);
    // The key travels in the Authorization header, never in a URL a log keeps.
    expect(fake.requests.every((r) => !r.query.includes(KEY))).toBe(true);
  });

  it('never replaces a newer stored price', async () => {
    storedSecret(JSON.stringify({ POLYGON_API_KEY: KEY }));
    await repos.prices.setPrices([{ symbol: 'SPY', price: '700', as_of: '2026-01-05' }]);

    const result = await createPricesHandler(deps({ POLYGON_SECRET_ARN: SECRET_ARN }))(SCHEDULED_EVENT);

    expect(result).toMatchObject({ updated: ['BND'], older: ['SPY'] });
    expect(await repos.instruments.get('SPY')).toMatchObject({
      current_price: '700.0000',
      price_as_of: '2026-01-05',
    });
  });

  it('fails the invocation, changing nothing, when Polygon refuses the key', async () => {
    storedSecret(JSON.stringify({ POLYGON_API_KEY: 'pk_wrong' }));
    const before = await prices();

    await expect(
      createPricesHandler(deps({ POLYGON_SECRET_ARN: SECRET_ARN }))(SCHEDULED_EVENT),
    ).rejects.toThrow(/Polygon\.io refused the request \(401: Unknown API Key\)/);
    expect(await prices()).toEqual(before);
  });

  it('rejects a secret ARN that is not an ARN, naming the variable', () => {
    expect(() => pricesHandlerDeps({ POLYGON_SECRET_ARN: 'polygon' })).toThrow(/POLYGON_SECRET_ARN/);
  });
});
