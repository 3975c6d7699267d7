import { Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { HttpApi } from '../../src/constructs/http-api.ts';
import { NodeLambda } from '../../src/constructs/node-lambda.ts';

describe('HttpApi', () => {
  it('refuses a wildcard CORS origin', () => {
    const config = loadConfig({ ALEX_STAGE: 'test' });
    expect(() =>
      Testing.synthScope((scope) => {
        const api = new NodeLambda(scope, 'api', { config, service: 'api', environment: {}, statements: [] });
        new HttpApi(scope, 'http', { config, handler: api.fn, allowedOrigins: ['*'] });
      }),
    ).toThrow(/never a wildcard/);
  });
});
