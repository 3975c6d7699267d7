import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCAL_ENDPOINT, databaseConfigFromEnv } from '../../src/client/index.ts';

describe('databaseConfigFromEnv', () => {
  it('uses the local Data API by default', () => {
    expect(databaseConfigFromEnv({})).toMatchObject({
      mode: 'local',
      endpoint: DEFAULT_LOCAL_ENDPOINT,
      database: 'alex',
    });
  });

  it('uses Aurora when both ARNs are set, taking the region from the cluster ARN', () => {
    const config = databaseConfigFromEnv({
      AURORA_CLUSTER_ARN: 'arn:aws:rds:eu-west-1:123456789012:cluster:alex',
      AURORA_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:alex',
    });
    expect(config).toMatchObject({ mode: 'aurora', region: 'eu-west-1', endpoint: undefined });
  });

  it('names the missing ARN when only one is set', () => {
    expect(() => databaseConfigFromEnv({ AURORA_CLUSTER_ARN: 'arn:aws:rds:us-east-1:1:cluster:a' })).toThrow(
      /AURORA_SECRET_ARN: is not set/,
    );
  });

  it('treats empty variables as unset and rejects a malformed endpoint by name', () => {
    expect(databaseConfigFromEnv({ AURORA_CLUSTER_ARN: '', AURORA_SECRET_ARN: '' }).mode).toBe('local');
    expect(() => databaseConfigFromEnv({ DATA_API_ENDPOINT: 'not a url' })).toThrow(/DATA_API_ENDPOINT/);
  });
});
