import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err: unknown) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('works out of the box with a dev stage in us-east-1 and a $50 budget', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      stage: 'dev',
      region: 'us-east-1',
      bedrockRegion: 'us-east-1',
      bedrockModelId: 'us.anthropic.claude-sonnet-4-6',
      budgetUsd: 50,
      auroraMaxAcu: 2,
      stateBackend: 'local',
    });
  });

  it('uses the budget email for alarms unless an alert email is given', () => {
    expect(loadConfig({ ALEX_BUDGET_EMAIL: 'a@example.com' }).alertEmail).toBe('a@example.com');
    expect(
      loadConfig({ ALEX_BUDGET_EMAIL: 'a@example.com', ALEX_ALERT_EMAIL: 'b@example.com' }).alertEmail,
    ).toBe('b@example.com');
  });

  it('lets explicit overrides (CLI flags) win over the environment', () => {
    expect(loadConfig({ ALEX_STAGE: 'dev' }, { stage: 'prod' }).stage).toBe('prod');
  });

  it('names the environment variable of each invalid setting', () => {
    const err = errorOf({ ALEX_STAGE: 'Bad Stage', ALEX_BUDGET_EMAIL: 'not-an-email' });
    expect(err.issues.some((issue) => issue.startsWith('ALEX_STAGE:'))).toBe(true);
    expect(err.issues.some((issue) => issue.startsWith('ALEX_BUDGET_EMAIL:'))).toBe(true);
  });

  it('rejects a wildcard dev origin', () => {
    expect(errorOf({ ALEX_DEV_ORIGINS: 'https://*.example.com' }).message).toContain('ALEX_DEV_ORIGINS');
  });

  it('rejects a custom domain without its us-east-1 certificate', () => {
    expect(errorOf({ ALEX_DOMAIN: 'alex.example.com' }).message).toContain('ALEX_CERTIFICATE_ARN');
  });

  it('rejects calling a us. inference profile from a region outside it', () => {
    expect(errorOf({ AWS_REGION: 'eu-west-2' }).message).toContain('BEDROCK_REGION');
    expect(loadConfig({ AWS_REGION: 'eu-west-2', BEDROCK_REGION: 'us-east-1' }).bedrockRegion).toBe(
      'us-east-1',
    );
  });

  it('requires a state bucket for the S3 backend', () => {
    expect(errorOf({ ALEX_STATE_BACKEND: 's3' }).message).toContain('ALEX_STATE_BUCKET');
  });

  it('rejects an Aurora maximum outside 1–16 ACU', () => {
    expect(errorOf({ ALEX_AURORA_MAX_ACU: '64' }).message).toContain('ALEX_AURORA_MAX_ACU');
  });
});

describe('loadConfig fallbacks', () => {
  it('takes the region from AWS_DEFAULT_REGION when AWS_REGION is unset', () => {
    expect(loadConfig({ AWS_DEFAULT_REGION: 'us-west-2' }).region).toBe('us-west-2');
  });

  it('drops the local development origins when ALEX_DEV_ORIGINS is none', () => {
    expect(loadConfig({ ALEX_DEV_ORIGINS: 'none' }).devOrigins).toEqual([]);
  });
});
