import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER, snapshot, startTestApi, type TestApi } from './support.ts';

const RUNS = 25;

/** Values that probe the edges of every field: wrong types, bounds, odd decimals, hostile text. */
const edgeValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    -1,
    0,
    0.5,
    100,
    101,
    1e21,
    -0,
    '0',
    '-0.01',
    '1e5',
    '12.123456789',
    '99999999999999999999',
    '',
    ' spy ',
    'A'.repeat(300),
    "'; DROP TABLE users; --",
    '\u0000',
    '\ud800',
    null,
    true,
    [],
    {},
  ),
);

/** A body shaped like the route's (its field names, any values), or anything at all. */
function bodyFor(fields: readonly string[]) {
  const shaped = fc.dictionary(fc.constantFrom(...fields, 'extra'), edgeValue, {
    maxKeys: fields.length + 1,
  });
  return fc.oneof(
    shaped.map((body) => ({ rawBody: JSON.stringify(body) })),
    fc.jsonValue({ maxDepth: 3 }).map((body) => ({ rawBody: JSON.stringify(body) })),
    fc.string({ unit: 'binary', maxLength: 60 }).map((rawBody) => ({ rawBody })),
  );
}

/** A path parameter: UUID-like, random text (percent-encoded), or hostile. */
const idParam = fc.oneof(
  fc.uuid(),
  fc.string({ unit: 'binary', maxLength: 40 }).map(encodeURIComponent),
  fc.constantFrom('%', '%E0%A4%A', '..', '00000000-0000-0000-0000-000000000000', "1'OR'1'='1"),
);

describe('fuzzing every body and parameter: never a 5xx, nothing written on a 400', () => {
  let api: TestApi;
  let accountId = '';
  let positionId = '';

  beforeAll(async () => {
    api = await startTestApi('pglite', { localMode: true });
    const [account] = await api.repos.accounts.list(DEMO_USER);
    const [position] = await api.repos.positions.listForAccount(DEMO_USER, account?.id ?? '');
    accountId = account?.id ?? '';
    positionId = position?.id ?? '';
  });
  afterAll(() => api.close());

  /** Sends each generated request and checks the property. */
  async function check(method: string, path: () => string, body: fc.Arbitrary<{ rawBody: string }>) {
    await fc.assert(
      fc.asyncProperty(body, async ({ rawBody }) => {
        const before = await snapshot(api.db);
        const res = await api.call(method, path(), { user: DEMO_USER, rawBody });
        expect(res.status).toBeLessThan(500);
        if (res.status === 400) {
          expect(res.body.error.code).toBe('validation_error');
          expect(res.body.error.details.length).toBeGreaterThan(0);
          expect(await snapshot(api.db)).toBe(before);
        }
      }),
      { numRuns: RUNS },
    );
  }

  const userFields = [
    'display_name',
    'years_until_retirement',
    'target_retirement_income',
    'asset_class_targets',
    'region_targets',
  ];
  const accountFields = ['account_name', 'account_purpose', 'cash_balance', 'cash_interest'];

  it('the write fingerprint notices a write, so the property can fail', async () => {
    const before = await snapshot(api.db);
    await api.call('PUT', '/api/user', { user: DEMO_USER, body: { display_name: 'Fingerprint' } });
    expect(await snapshot(api.db)).not.toBe(before);
  });

  it('PUT /api/user', () => check('PUT', () => '/api/user', bodyFor(userFields)));
  it('POST /api/accounts', () => check('POST', () => '/api/accounts', bodyFor(accountFields)));
  it('PUT /api/accounts/{id}', () =>
    check('PUT', () => `/api/accounts/${accountId}`, bodyFor(accountFields)));
  it('POST /api/positions', () =>
    check(
      'POST',
      () => '/api/positions',
      fc.oneof(
        bodyFor(['account_id', 'symbol', 'quantity', 'as_of_date']),
        fc
          .record({ symbol: edgeValue, quantity: edgeValue })
          .map((b) => ({ rawBody: JSON.stringify({ account_id: accountId, ...b }) })),
      ),
    ));
  it('PUT /api/positions/{id}', () =>
    check('PUT', () => `/api/positions/${positionId}`, bodyFor(['quantity', 'as_of_date'])));
  it('POST /api/analyze', async () => {
    await check('POST', () => '/api/analyze', bodyFor(['analysis_type']));
    await api.db.client.execute('DELETE FROM analysis_jobs');
  });
  it('POST /local/token', () => check('POST', () => '/local/token', bodyFor(['user_id'])));

  it('every path parameter', async () => {
    const paths = [
      'GET /api/accounts/{id}',
      'PUT /api/accounts/{id}',
      'DELETE /api/accounts/{id}',
      'GET /api/accounts/{id}/positions',
      'PUT /api/positions/{id}',
      'DELETE /api/positions/{id}',
      'GET /api/jobs/{id}',
      'GET /api/jobs/{id}/report',
      'GET /api/jobs/{id}/retirement',
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), idParam, async (route, id) => {
        const [method = 'GET', pattern = ''] = route.split(' ');
        const before = await snapshot(api.db);
        const res = await api.call(method, pattern.replace('{id}', id), {
          user: DEMO_USER,
          body: { quantity: 1 },
        });
        expect(res.status).toBeLessThan(500);
        if (res.status === 400 || res.status === 404) expect(await snapshot(api.db)).toBe(before);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('every query parameter', async () => {
    const value = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.integer().map(String),
      edgeValue.map(String),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/instruments', '/api/jobs'),
        fc.dictionary(fc.constantFrom('q', 'limit', 'other'), value, { maxKeys: 3 }),
        async (path, query) => {
          const res = await api.call('GET', `${path}?${new URLSearchParams(query)}`, { user: DEMO_USER });
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });
});
