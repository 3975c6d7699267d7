import { beforeAll, describe, expect, it } from 'vitest';
import { only, type StackJson, synthAll, TEST_ENV } from '../synth-helpers.ts';

let database: StackJson;
let cluster: Record<string, unknown>;

beforeAll(() => {
  database = synthAll().stacks.database;
  cluster = only(database, 'aws_rds_cluster');
});

describe('the database stack (Part 5)', () => {
  it('creates an Aurora PostgreSQL cluster in provisioned (Serverless v2) mode', () => {
    expect(cluster).toMatchObject({ engine: 'aurora-postgresql', engine_mode: 'provisioned' });
  });

  it('uses an engine version that supports pausing at 0 ACU (16.3 or later)', () => {
    const [major, minor] = String(cluster.engine_version).split('.').map(Number);
    expect((major ?? 0) > 16 || (major === 16 && (minor ?? 0) >= 3)).toBe(true);
  });

  it('scales from 0 ACU (auto-pause after 5 idle minutes) to the configured maximum', () => {
    expect(cluster.serverlessv2_scaling_configuration).toEqual({
      min_capacity: 0,
      max_capacity: 2,
      seconds_until_auto_pause: 300,
    });
  });

  it('enables the Data API so no VPC access is needed', () => {
    expect(cluster.enable_http_endpoint).toBe(true);
    expect(cluster.db_subnet_group_name).toBeUndefined();
  });

  it('lets RDS generate the password into Secrets Manager, with none in the Terraform', () => {
    expect(cluster.manage_master_user_password).toBe(true);
    expect(cluster.master_password).toBeUndefined();
  });

  it('encrypts storage at rest', () => {
    expect(cluster.storage_encrypted).toBe(true);
  });

  it('names the database alex', () => {
    expect(cluster.database_name).toBe('alex');
  });

  it('runs one private db.serverless writer', () => {
    expect(only(database, 'aws_rds_cluster_instance')).toMatchObject({
      instance_class: 'db.serverless',
      publicly_accessible: false,
    });
  });

  it('exports the cluster and secret ARNs for the next stacks and the scripts', () => {
    expect(Object.keys(database.output ?? {})).toEqual(
      expect.arrayContaining(['cluster_arn', 'secret_arn', 'cluster_identifier', 'database_name']),
    );
    expect(database.output?.secret_arn?.value).toContain('master_user_secret[0].secret_arn');
  });

  it('protects the cluster and keeps a final snapshot and a week of backups by default', () => {
    expect(cluster).toMatchObject({
      skip_final_snapshot: false,
      final_snapshot_identifier: 'alex-test-db-final',
      deletion_protection: true,
      backup_retention_period: 7,
    });
  });

  it('lets the backup retention and both protections be configured', () => {
    const configured = only(
      synthAll({
        ...TEST_ENV,
        ALEX_SKIP_FINAL_SNAPSHOT: 'true',
        ALEX_DELETION_PROTECTION: 'false',
        ALEX_AURORA_BACKUP_RETENTION_DAYS: '14',
      }).stacks.database,
      'aws_rds_cluster',
    );
    expect(configured).toMatchObject({
      skip_final_snapshot: true,
      deletion_protection: false,
      backup_retention_period: 14,
    });
  });

  it('keeps a final snapshot and protects the cluster when configured to', () => {
    const protectedCluster = only(
      synthAll({ ...TEST_ENV, ALEX_SKIP_FINAL_SNAPSHOT: 'false', ALEX_DELETION_PROTECTION: 'true' }).stacks
        .database,
      'aws_rds_cluster',
    );
    expect(protectedCluster).toMatchObject({
      skip_final_snapshot: false,
      final_snapshot_identifier: 'alex-test-db-final',
      deletion_protection: true,
    });
  });
});
