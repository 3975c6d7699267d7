import { createLogger, type Logger } from '@alex/core';
import { createRepositories, type Repositories, resetDatabase } from '@alex/database';
import { startTestDatabase, type TestDatabase } from '@alex/local-data-api/testing';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { createApiHandler } from '../src/app.ts';
import { createJwtVerifier } from '../src/auth.ts';
import type { ApiDeps } from '../src/deps.ts';
import type { JobQueue } from '../src/queue.ts';
import { checkAgainstContract } from './contract-check.ts';

export { BACKENDS } from '@alex/local-data-api/testing';

export const ISSUER = 'https://clerk.test.example';
export const SPA_ORIGIN = 'https://app.example.com';
export const OTHER_ORIGIN = 'https://evil.example.net';
export const DEMO_USER = 'user_test_123';
export const OTHER_USER = 'user_other_456';
export const WEBHOOK_SECRET = `whsec_${Buffer.from('a test secret of thirty-two bytes').toString('base64')}`;

/** An RS256 key pair with its public JWK. */
export interface TestKey {
  kid: string;
  privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  publicJwk: Record<string, unknown>;
}

/** Generates an RS256 test key with `kid`. */
export async function makeKey(kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

/** Signs a session token the way Clerk does; `claims`/`header` override the defaults. */
export async function signToken(
  key: TestKey,
  options: {
    sub?: string;
    claims?: JWTPayload;
    header?: Record<string, unknown>;
    expiresIn?: string | number;
  } = {},
): Promise<string> {
  return new SignJWT({ azp: SPA_ORIGIN, ...options.claims })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, ...options.header })
    .setIssuer(ISSUER)
    .setSubject(options.sub ?? DEMO_USER)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(key.privateKey);
}

/** A queue that records what was sent (or fails, to test recovery). */
export class RecordingQueue implements JobQueue {
  readonly sent: string[] = [];
  failNext = false;
  async send(jobId: string): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('queue unavailable');
    }
    this.sent.push(jobId);
  }
}

/** The API over a fresh database with the demo data, the test key trusted, logs captured. */
export interface TestApi {
  db: TestDatabase;
  repos: Repositories;
  queue: RecordingQueue;
  key: TestKey;
  logs: Record<string, unknown>[];
  handle: ReturnType<typeof createApiHandler>;
  /** Sends a request; `token` is a bearer token, `user` signs one for that user. */
  call(method: string, path: string, options?: CallOptions): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface CallOptions {
  user?: string;
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  origin?: string;
  /** Send the body base64-encoded, as API Gateway does for binary content types. */
  base64?: boolean;
}

export interface TestResponse {
  status: number;
  headers: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely
  body: any;
}

/** Starts the API for a test file over `kind`, with `overrides` for its dependencies. */
export async function startTestApi(
  kind: 'pglite' | 'postgres',
  overrides: Partial<ApiDeps> = {},
): Promise<TestApi> {
  const db = await startTestDatabase(kind);
  await resetDatabase(db.client, { withTestData: true });
  const repos = createRepositories(db.client);
  await repos.users.getOrCreate({ clerk_user_id: OTHER_USER });
  const key = await makeKey('test-key-1');
  const logs: Record<string, unknown>[] = [];
  const logger: Logger = createLogger({ level: 'debug', sink: (line) => logs.push(JSON.parse(line)) });
  const queue = new RecordingQueue();
  const handle = createApiHandler({
    repos,
    queue,
    auth: createJwtVerifier({
      jwks: createLocalJWKSet({ keys: [key.publicJwk] }),
      issuer: ISSUER,
      authorizedParties: [SPA_ORIGIN],
    }),
    cors: { origins: [SPA_ORIGIN] },
    logger,
    localMode: false,
    webhookSecret: WEBHOOK_SECRET,
    ...overrides,
  });
  const call = async (method: string, path: string, options: CallOptions = {}) => {
    const token = options.token ?? (options.user ? await signToken(key, { sub: options.user }) : undefined);
    return invoke(handle, method, path, { ...options, ...(token ? { token } : {}) });
  };
  return { db, repos, queue, key, logs, handle, call, close: () => db.close() };
}

/**
 * Builds the API Gateway v2 event for a request and calls `handle` in-process. Every answer is
 * checked against the HTTP contract (`checkAgainstContract`), so every API test is a contract test.
 */
export async function invoke(
  handle: ReturnType<typeof createApiHandler>,
  method: string,
  pathAndQuery: string,
  options: CallOptions = {},
): Promise<TestResponse> {
  const [path = '/', query = ''] = pathAndQuery.split('?');
  // Every HTTP/1.1 request names a host; local mode refuses any but this machine.
  const headers: Record<string, string> = { host: '127.0.0.1:8000', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.origin) headers.origin = options.origin;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: query,
    headers,
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: 'api.test',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'req-1',
      routeKey: '$default',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    ...(body === undefined ? {} : { body: options.base64 ? Buffer.from(body).toString('base64') : body }),
    isBase64Encoded: Boolean(options.base64),
  };
  const result = await handle(event);
  const text = result.body ?? '';
  const answered = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]));
  // A download (CSV) is read as text; its tests check it. Everything else is JSON under the contract.
  const download = answered['content-type']?.startsWith('text/csv') ?? false;
  const response = {
    status: result.statusCode ?? 0,
    headers: answered,
    body: text === '' ? undefined : download ? text : JSON.parse(text),
  };
  if (!download) checkAgainstContract(method, path, response.status, response.body);
  return response;
}

/** A fingerprint of every row of every table a request could write, to prove a rejected request wrote nothing. */
export async function snapshot(db: TestDatabase): Promise<string> {
  const tables = ['users', 'accounts', 'positions', 'instruments', 'analysis_jobs', 'reports', 'retirement'];
  const parts = tables.map(
    (table) => `(SELECT md5(COALESCE(string_agg(t::text, ',' ORDER BY t::text), '')) FROM ${table} t)`,
  );
  const [row] = await db.client.query<{ fingerprint: string }>(
    `SELECT concat_ws('|', ${parts.join(', ')}) AS fingerprint`,
  );
  return row?.fingerprint ?? '';
}

/** Headline figures for a stored test projection, each field in its unit. */
export const RETIREMENT_FIGURES = {
  success_rate_percent: 90,
  verdict: 'on track' as const,
  target_income_today: 60_000,
  sustainable_income_today: 50_000,
  other_income_today: 0,
  annual_contribution_today: 10_000,
  contribution_rises_with_inflation: false,
  annual_fee_percent: 0,
  inflation_percent: 3,
  retirement_year: 0,
  retirement_age: 40,
  at_retirement_nominal: { p10: 1, p50: 2, p90: 3 },
  at_retirement_today: { p10: 1, p50: 2, p90: 3 },
  paths: 500,
  seed: 7,
  model_version: 'monte-carlo/4',
};
