import { describe, expect, it } from 'vitest';
import { describeTarget, dropAllRefusal, resolveTarget, TargetError } from '../lib/target.ts';

const ARNS = {
  AURORA_CLUSTER_ARN: 'arn:aws:rds:eu-west-1:123456789012:cluster:alex-dev-db',
  AURORA_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!cluster-x',
  SQS_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/alex-dev-analysis',
};

describe('ALEX_TARGET', () => {
  it('local hides every AWS setting, even with the Aurora ARNs in .env', () => {
    const resolved = resolveTarget({ ...ARNS, ALEX_TARGET: 'local', LOG_LEVEL: 'warn' });
    expect(resolved.target).toBe('local');
    expect(resolved.env).toEqual({ ALEX_TARGET: 'local', LOG_LEVEL: 'warn' });
    expect(describeTarget(resolved)).toBe('Target: local (ALEX_TARGET=local): using the local Data API');
  });

  it('aws keeps the ARNs and names the cluster and its region', () => {
    const resolved = resolveTarget({ ...ARNS, ALEX_TARGET: 'AWS' });
    expect(resolved.target).toBe('aws');
    expect(resolved.env.AURORA_CLUSTER_ARN).toBe(ARNS.AURORA_CLUSTER_ARN);
    expect(describeTarget(resolved)).toBe(
      'Target: aws (ALEX_TARGET=aws): using Aurora cluster alex-dev-db in eu-west-1',
    );
  });

  it('aws without the ARNs names what is missing', () => {
    expect(() => resolveTarget({ ALEX_TARGET: 'aws', AURORA_CLUSTER_ARN: ARNS.AURORA_CLUSTER_ARN })).toThrow(
      /ALEX_TARGET=aws needs AURORA_SECRET_ARN/,
    );
  });

  it('an unknown value is refused', () => {
    expect(() => resolveTarget({ ALEX_TARGET: 'prod' })).toThrow(TargetError);
  });

  it('unset, it is aws when both ARNs are set and says it inferred that', () => {
    const resolved = resolveTarget(ARNS);
    expect(resolved.target).toBe('aws');
    expect(describeTarget(resolved)).toContain('ALEX_TARGET unset, the Aurora ARNs are set');
    expect(resolveTarget({ AURORA_CLUSTER_ARN: '', AURORA_SECRET_ARN: '' }).target).toBe('local');
  });

  it('--drop-all needs --confirm on aws only', () => {
    expect(dropAllRefusal(resolveTarget({ ALEX_TARGET: 'local' }), false)).toBeUndefined();
    const aws = resolveTarget({ ...ARNS, ALEX_TARGET: 'aws' });
    expect(dropAllRefusal(aws, false)).toContain('Aurora cluster alex-dev-db');
    expect(dropAllRefusal(aws, true)).toBeUndefined();
  });
});
