import { describe, expect, it } from 'vitest';
import { apiEnv } from '../src/env.ts';

const AWS = {
  CLERK_JWKS_URL: 'https://clerk.example.com/.well-known/jwks.json',
  CLERK_ISSUER: 'https://clerk.example.com',
  CLERK_AUTHORIZED_PARTIES: 'https://d111.cloudfront.net, https://app.example.com',
  CORS_ORIGINS: 'https://d111.cloudfront.net',
  SQS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/1/alex',
  CLERK_WEBHOOK_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:1:secret:alex/clerk-webhook',
  AURORA_CLUSTER_ARN: 'arn:aws:rds:us-east-1:1:cluster:alex',
  AURORA_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:1:secret:alex',
  ORIGIN_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:1:secret:alex/origin',
};

describe('apiEnv', () => {
  it('reads the AWS settings, splitting origin lists', () => {
    const settings = apiEnv(AWS);
    expect(settings.localMode).toBe(false);
    expect(settings.auth.authorizedParties).toEqual([
      'https://d111.cloudfront.net',
      'https://app.example.com',
    ]);
    expect(settings.webhookSecretArn).toBe(AWS.CLERK_WEBHOOK_SECRET_ARN);
    expect(settings.originSecretArn).toBe(AWS.ORIGIN_SECRET_ARN);
  });

  it('reads the per-user daily limits, with defaults', () => {
    expect(apiEnv(AWS).limits).toEqual({ analysesPerDay: 10, placeholdersPerDay: 25 });
    const set = apiEnv({ ...AWS, ALEX_ANALYSES_PER_DAY: '3', ALEX_PLACEHOLDERS_PER_DAY: '0' });
    expect(set.limits).toEqual({ analysesPerDay: 3, placeholdersPerDay: 0 });
    expect(() => apiEnv({ ...AWS, ALEX_ANALYSES_PER_DAY: '0' })).toThrow('ALEX_ANALYSES_PER_DAY');
  });

  it.each([
    'CLERK_JWKS_URL',
    'CLERK_ISSUER',
    'CLERK_AUTHORIZED_PARTIES',
    'CORS_ORIGINS',
    'SQS_QUEUE_URL',
    'ORIGIN_SECRET_ARN',
  ])('on AWS a missing %s is an error naming it', (name) => {
    expect(() => apiEnv({ ...AWS, [name]: '' })).toThrow(name);
  });

  it('refuses a wildcard or a path as a CORS origin', () => {
    expect(() => apiEnv({ ...AWS, CORS_ORIGINS: 'https://*.example.com' })).toThrow('CORS_ORIGINS');
    expect(() => apiEnv({ ...AWS, CORS_ORIGINS: 'https://app.example.com/path' })).toThrow('CORS_ORIGINS');
  });

  it('names CORS_ORIGINS when an origin is not a URL at all', () => {
    expect(() => apiEnv({ ...AWS, CORS_ORIGINS: 'app.example.com' })).toThrow(/^CORS_ORIGINS: /);
  });

  it('in local mode without Clerk keys uses the local issuer and both local SPA addresses', () => {
    const settings = apiEnv({ ALEX_LOCAL_MODE: '1' });
    expect(settings.auth).toEqual({
      jwksUrl: 'http://127.0.0.1:8000/.well-known/jwks.json',
      issuer: 'http://127.0.0.1:8000/local-issuer',
      authorizedParties: ['http://127.0.0.1:5173', 'http://localhost:5173'],
    });
    expect(settings.corsOrigins).toEqual(['http://127.0.0.1:5173', 'http://localhost:5173']);
  });

  it('refuses local mode inside Lambda', () => {
    expect(() => apiEnv({ ...AWS, ALEX_LOCAL_MODE: '1', AWS_LAMBDA_FUNCTION_NAME: 'alex-api' })).toThrow(
      'ALEX_LOCAL_MODE',
    );
  });
});
