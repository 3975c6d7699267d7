import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwtVerifier } from '../src/auth.ts';
import { createLocalIssuer, LOCAL_ISSUER_URL, type LocalIssuer } from '../src/local/issuer.ts';
import { DEMO_USER, SPA_ORIGIN, startTestApi, type TestApi } from './support.ts';

const LOCAL_ONLY = [
  ['POST', '/api/dev/populate-test-data'],
  ['DELETE', '/api/dev/reset-accounts'],
  ['POST', '/local/token'],
  ['GET', '/.well-known/jwks.json'],
  ['GET', '/openapi.json'],
] as const;

describe('local-mode helpers', () => {
  let dir: string;
  let issuer: LocalIssuer;
  let aws: TestApi;
  let local: TestApi;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'alex-issuer-'));
    issuer = await createLocalIssuer(dir);
    aws = await startTestApi('pglite', { localIssuer: issuer });
    local = await startTestApi('pglite', { localMode: true, localIssuer: issuer });
  });
  afterAll(async () => {
    await Promise.all([aws.close(), local.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it.each(LOCAL_ONLY)('%s %s answers 404 in AWS mode, even with a valid token', async (method, path) => {
    const res = await aws.call(method, path, { user: DEMO_USER, body: { user_id: DEMO_USER } });
    expect(res.status).toBe(404);
  });

  it('/openapi.json serves the contract as an OpenAPI 3.1 document naming every route', async () => {
    const res = await local.call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toContain('/api/jobs/{id}/report');
    expect(res.body.paths['/api/portfolio'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/PortfolioView',
    });
  });

  it('populate-test-data loads the demo portfolio for the caller', async () => {
    const res = await local.call('POST', '/api/dev/populate-test-data', { user: 'user_local_demo' });
    expect(res).toMatchObject({ status: 201, body: { accounts: 3, positions: 10 } });
    const accounts = await local.repos.accounts.list('user_local_demo');
    expect(accounts.map((a) => a.account_name)).toEqual(['401k', 'Roth IRA', 'Taxable Brokerage']);
  });

  it('reset-accounts deletes only the caller’s accounts', async () => {
    await local.call('POST', '/api/dev/populate-test-data', { user: 'user_local_reset' });
    const res = await local.call('DELETE', '/api/dev/reset-accounts', { user: 'user_local_reset' });
    expect(res.body).toEqual({ deleted: 3 });
    expect(await local.repos.accounts.list('user_local_reset')).toEqual([]);
    expect(await local.repos.accounts.list(DEMO_USER)).toHaveLength(3);
  });

  it('/local/token mints a token for the chosen user that the issuer’s JWKS verifies', async () => {
    const res = await local.call('POST', '/local/token', {
      body: { user_id: 'user_signed_in' },
      origin: SPA_ORIGIN,
    });
    const verifier = createJwtVerifier({
      jwks: createLocalJWKSet(issuer.jwks()),
      issuer: LOCAL_ISSUER_URL,
      authorizedParties: [SPA_ORIGIN],
    });
    expect((await verifier.verify(res.body.token)).userId).toBe('user_signed_in');
  });

  it('/local/token rejects a malformed user id with a 400', async () => {
    const res = await local.call('POST', '/local/token', { body: { user_id: 'not a user id!' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('user_id');
  });

  it('the served JWKS holds only public key material', async () => {
    const res = await local.call('GET', '/.well-known/jwks.json');
    expect(res.body.keys).toHaveLength(1);
    expect(Object.keys(res.body.keys[0]).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
  });
});
