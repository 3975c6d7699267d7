import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  DBClusterNotFoundFault,
  DescribeDBClustersCommand,
  RDSClient,
  StartDBClusterCommand,
  StopDBClusterCommand,
} from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { aurora } from '../../src/scripts/aurora.ts';
import { FakeRunner, workspace } from './fakes.ts';

const rds = mockClient(RDSClient);
const cloudwatch = mockClient(CloudWatchClient);

function clusterIs(status: string): void {
  rds.on(DescribeDBClustersCommand).resolves({
    DBClusters: [
      {
        DBClusterIdentifier: 'alex-test-db',
        Status: status,
        ServerlessV2ScalingConfiguration: { MinCapacity: 0, MaxCapacity: 2, SecondsUntilAutoPause: 300 },
      },
    ],
  });
}

function capacityIs(acu: number): void {
  cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [{ Id: 'acu', Values: [acu] }] });
}

beforeEach(() => {
  rds.reset();
  cloudwatch.reset();
});

describe('aurora status', () => {
  it('says a missing cluster costs nothing', async () => {
    rds
      .on(DescribeDBClustersCommand)
      .rejects(new DBClusterNotFoundFault({ message: 'not found', $metadata: {} }));
    const { ctx, lines } = workspace(new FakeRunner());
    await aurora(['status'], ctx);
    expect(lines).toEqual([
      'Cluster alex-test-db (us-east-1) does not exist.',
      expect.stringMatching(/^Cost: destroyed: \$0/),
    ]);
  });

  it('reports a cluster at 0 ACU as paused, paying for storage only', async () => {
    clusterIs('available');
    capacityIs(0);
    const { ctx, lines } = workspace(new FakeRunner());
    await aurora(['status'], ctx);
    expect(lines).toContain('Capacity range: 0–2 ACU, auto-pause after 300 s idle');
    expect(lines).toContain('Current capacity: 0 ACU');
    expect(lines.at(-1)).toMatch(/^Cost: paused at 0 ACU: storage only/);
  });

  it('reports a working cluster with its hourly and daily cost', async () => {
    clusterIs('available');
    capacityIs(0.5);
    const { ctx, lines } = workspace(new FakeRunner());
    await aurora(['status'], ctx);
    expect(lines.at(-1)).toBe(
      'Cost: running: ≈ $0.06/hour at 0.5 ACU ($1.44/day) up to $0.24/hour at 2 ACU; it pauses itself at 0 ACU after 5 idle minutes',
    );
  });
});

describe('aurora pause and resume', () => {
  it('stops an available cluster', async () => {
    clusterIs('available');
    capacityIs(0.5);
    await aurora(['pause'], workspace(new FakeRunner()).ctx);
    expect(rds).toHaveReceivedCommandWith(StopDBClusterCommand, { DBClusterIdentifier: 'alex-test-db' });
  });

  it('leaves a stopped cluster alone when asked to pause', async () => {
    clusterIs('stopped');
    await aurora(['pause'], workspace(new FakeRunner()).ctx);
    expect(rds).not.toHaveReceivedCommand(StopDBClusterCommand);
  });

  it('starts a stopped cluster', async () => {
    clusterIs('stopped');
    await aurora(['resume'], workspace(new FakeRunner()).ctx);
    expect(rds).toHaveReceivedCommandWith(StartDBClusterCommand, { DBClusterIdentifier: 'alex-test-db' });
  });

  it('does not start a cluster that is already running', async () => {
    clusterIs('available');
    capacityIs(1);
    await aurora(['resume'], workspace(new FakeRunner()).ctx);
    expect(rds).not.toHaveReceivedCommand(StartDBClusterCommand);
  });
});

describe('aurora destroy and recreate', () => {
  it('refuses to destroy without --confirm, naming the cluster, and touches nothing', async () => {
    const runner = new FakeRunner();
    await expect(aurora(['destroy'], workspace(runner).ctx)).rejects.toThrow(
      /Aurora cluster alex-test-db .*all its data[\s\S]*--confirm/,
    );
    expect(runner.calls).toEqual([]);
  });

  it('does not take --yes (which only skips prompts) as consent to destroy', async () => {
    const runner = new FakeRunner();
    await expect(aurora(['destroy', '--yes'], workspace(runner).ctx)).rejects.toThrow(/--confirm/);
    expect(runner.calls).toEqual([]);
  });

  it('destroys the database stack with terraform', async () => {
    const runner = new FakeRunner();
    await aurora(['destroy', '--confirm'], workspace(runner).ctx);
    expect(runner.terraformCalls()).toEqual([
      'database init -input=false',
      'database apply -auto-approve',
      'database destroy -auto-approve',
    ]);
  });

  it('recreates the database stack and says to reload the data and redeploy the Lambdas', async () => {
    const runner = new FakeRunner(['terraform'], {
      database: { cluster_arn: 'arn:c', secret_arn: 'arn:s2' },
    });
    const { ctx, lines } = workspace(runner);
    await aurora(['recreate', '--yes'], ctx);
    expect(runner.terraformCalls()).toEqual([
      'database init -input=false',
      'database apply -auto-approve',
      'database output -json',
    ]);
    expect(lines).toContain('Load the schema and data: pnpm tsx scripts/reset-db.ts --with-test-data');
    expect(lines.some((line) => line.includes('arn:s2'))).toBe(true);
  });
});
