import { Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { HttpApi } from '../../src/constructs/http-api.ts';

describe('HttpApi', () => {
  it('refuses a wildcard CORS origin', () => {
    const config = loadConfig({ ALEX_STAGE: 'test' });
    expect(() =>
      Testing.synthScope((scope) => {
        new HttpApi(scope, 'http', { config, allowedOrigins: ['*'] });
      }),
    ).toThrow(/never a wildcard/);
  });
});
