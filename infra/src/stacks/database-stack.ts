import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster';
import { RdsClusterInstance } from '@cdktf/provider-aws/lib/rds-cluster-instance';
import type { Construct } from 'constructs';
import type { Config } from '../config.ts';
import { clusterIdentifier, DATABASE_NAME } from '../naming.ts';
import { AlexStack } from './alex-stack.ts';

/**
 * Part 5: Aurora Serverless v2 PostgreSQL reached only through the Data API (HTTPS + IAM), so it
 * lives in the default VPC and the student does no network work. It scales to 0 ACU when idle.
 */
export class DatabaseStack extends AlexStack {
  /** The cluster, for stacks built in the same app (tests); other stacks read the outputs. */
  readonly cluster: RdsCluster;

  constructor(scope: Construct, config: Config) {
    super(scope, 'database', config);

    this.cluster = new RdsCluster(this, 'cluster', {
      clusterIdentifier: clusterIdentifier(config),
      engine: 'aurora-postgresql',
      engineMode: 'provisioned',
      // 0 ACU auto-pause needs aurora-postgresql 16.3+ / 15.7+ (or 17.x).
      engineVersion: config.auroraEngineVersion,
      databaseName: DATABASE_NAME,
      masterUsername: 'alex_admin',
      // RDS generates the password and keeps it (and rotates it) in Secrets Manager.
      manageMasterUserPassword: true,
      enableHttpEndpoint: true,
      storageEncrypted: true,
      serverlessv2ScalingConfiguration: {
        minCapacity: 0,
        maxCapacity: config.auroraMaxAcu,
        secondsUntilAutoPause: config.auroraAutoPauseSeconds,
      },
      skipFinalSnapshot: config.skipFinalSnapshot,
      ...(config.skipFinalSnapshot ? {} : { finalSnapshotIdentifier: `${clusterIdentifier(config)}-final` }),
      deletionProtection: config.deletionProtection,
      backupRetentionPeriod: config.auroraBackupRetentionDays,
      copyTagsToSnapshot: true,
      applyImmediately: true,
    });

    new RdsClusterInstance(this, 'writer', {
      identifier: `${clusterIdentifier(config)}-writer`,
      clusterIdentifier: this.cluster.id,
      instanceClass: 'db.serverless',
      engine: 'aurora-postgresql',
      engineVersion: config.auroraEngineVersion,
      publiclyAccessible: false,
      applyImmediately: true,
    });

    const secretArn = this.cluster.masterUserSecret.get(0).secretArn;
    this.output('cluster_arn', this.cluster.arn, 'AURORA_CLUSTER_ARN for the services and scripts');
    this.output('cluster_identifier', this.cluster.clusterIdentifier, 'used by scripts/aurora.ts');
    this.output('secret_arn', secretArn, 'AURORA_SECRET_ARN: the RDS-managed credentials secret');
    this.output('database_name', DATABASE_NAME, 'AURORA_DATABASE');
  }
}
