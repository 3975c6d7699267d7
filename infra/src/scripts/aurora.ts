import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  type DBCluster,
  DBClusterNotFoundFault,
  DescribeDBClustersCommand,
  StartDBClusterCommand,
  StopDBClusterCommand,
} from '@aws-sdk/client-rds';
import { type Config, loadConfig } from '../config.ts';
import { clusterIdentifier } from '../naming.ts';
import { synthesize } from '../synth.ts';
import { parseAuroraArgs } from './args.ts';
import type { AwsClients, ScriptContext } from './context.ts';
import { describeCost } from './costs.ts';
import { unprotectDatabase } from './destroy.ts';
import { ScriptError } from './runner.ts';
import { findTerraform, Terraform } from './terraform.ts';

/** What status found: the cluster (or none) and its current capacity when CloudWatch knows it. */
export interface AuroraStatus {
  readonly identifier: string;
  readonly cluster: DBCluster | undefined;
  readonly currentAcu: number | undefined;
}

/**
 * `scripts/aurora.ts status|pause|resume|destroy|recreate`: keep the Part 5 database cheap.
 * status/pause/resume talk to RDS directly; destroy/recreate go through terraform so the state
 * always matches what exists.
 */
export async function aurora(argv: readonly string[], ctx: ScriptContext): Promise<void> {
  const args = parseAuroraArgs(argv);
  const config = loadConfig(ctx.env, args.overrides);
  const clients = ctx.clients(config);
  switch (args.command) {
    case 'status':
      report(await auroraStatus(config, clients), config, ctx);
      return;
    case 'pause':
      return pause(config, clients, ctx);
    case 'resume':
      return resume(config, clients, ctx);
    case 'destroy':
    case 'recreate':
      return viaTerraform(args.command, args.command === 'destroy' ? args.confirm : args.yes, config, ctx);
  }
}

/** Describe the cluster and read its capacity over the last 10 minutes. */
export async function auroraStatus(config: Config, clients: AwsClients): Promise<AuroraStatus> {
  const identifier = clusterIdentifier(config);
  let cluster: DBCluster | undefined;
  try {
    const found = await clients.rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: identifier }));
    cluster = found.DBClusters?.[0];
  } catch (err: unknown) {
    if (!(err instanceof DBClusterNotFoundFault)) throw err;
  }
  if (cluster?.Status !== 'available') return { identifier, cluster, currentAcu: undefined };
  const now = new Date();
  const metrics = await clients.cloudwatch.send(
    new GetMetricDataCommand({
      StartTime: new Date(now.getTime() - 10 * 60_000),
      EndTime: now,
      MetricDataQueries: [
        {
          Id: 'acu',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/RDS',
              MetricName: 'ServerlessDatabaseCapacity',
              Dimensions: [{ Name: 'DBClusterIdentifier', Value: identifier }],
            },
            Period: 60,
            Stat: 'Average',
          },
        },
      ],
      ScanBy: 'TimestampDescending',
    }),
  );
  return { identifier, cluster, currentAcu: metrics.MetricDataResults?.[0]?.Values?.[0] };
}

function report(status: AuroraStatus, config: Config, ctx: ScriptContext): void {
  const { cluster, identifier } = status;
  if (cluster === undefined) {
    ctx.log(`Cluster ${identifier} (${config.region}) does not exist.`);
    ctx.log(`Cost: ${describeCost('destroyed')}`);
    return;
  }
  const scaling = cluster.ServerlessV2ScalingConfiguration;
  const max = scaling?.MaxCapacity ?? config.auroraMaxAcu;
  ctx.log(`Cluster ${identifier} (${config.region}): ${cluster.Status}`);
  ctx.log(
    `Capacity range: ${scaling?.MinCapacity ?? '?'}–${max} ACU` +
      (scaling?.SecondsUntilAutoPause === undefined
        ? ''
        : `, auto-pause after ${scaling.SecondsUntilAutoPause} s idle`),
  );
  if (status.currentAcu !== undefined) ctx.log(`Current capacity: ${status.currentAcu} ACU`);
  if ((scaling?.MinCapacity ?? 0) > 0) {
    ctx.log(
      `Warning: minimum capacity ${scaling?.MinCapacity} ACU never pauses; redeploy Part 5 to restore 0.`,
    );
  }
  const state = cluster.Status === 'stopped' ? 'stopped' : status.currentAcu === 0 ? 'paused' : 'running';
  ctx.log(`Cost: ${describeCost(state, max)}`);
}

async function pause(config: Config, clients: AwsClients, ctx: ScriptContext): Promise<void> {
  const { cluster, identifier } = await auroraStatus(config, clients);
  if (cluster === undefined) throw new ScriptError(`Cluster ${identifier} does not exist: nothing to pause.`);
  if (cluster.Status === 'stopped' || cluster.Status === 'stopping') {
    ctx.log(`${identifier} is already ${cluster.Status}. ${describeCost('stopped')}`);
    return;
  }
  if (cluster.Status !== 'available') {
    throw new ScriptError(`${identifier} is ${cluster.Status}; wait until it is available, then pause.`);
  }
  await clients.rds.send(new StopDBClusterCommand({ DBClusterIdentifier: identifier }));
  ctx.log(`Stopping ${identifier}. ${describeCost('stopped')}`);
  ctx.log(
    'Even running, it pauses itself at 0 ACU when idle; stopping also keeps stray calls from waking it.',
  );
}

async function resume(config: Config, clients: AwsClients, ctx: ScriptContext): Promise<void> {
  const { cluster, identifier } = await auroraStatus(config, clients);
  if (cluster === undefined) {
    throw new ScriptError(
      `Cluster ${identifier} does not exist: run \`pnpm tsx scripts/aurora.ts recreate\`.`,
    );
  }
  if (cluster.Status !== 'stopped') {
    ctx.log(
      `${identifier} is ${cluster.Status}; nothing to resume (a paused cluster wakes on the next query).`,
    );
    return;
  }
  await clients.rds.send(new StartDBClusterCommand({ DBClusterIdentifier: identifier }));
  ctx.log(
    `Starting ${identifier}: a few minutes until \`status\` says available. ${describeCost('running', config.auroraMaxAcu)}`,
  );
}

async function viaTerraform(
  command: 'destroy' | 'recreate',
  /** `--confirm` for destroy, `--yes` (skip terraform's prompt) for recreate. */
  yes: boolean,
  config: Config,
  ctx: ScriptContext,
): Promise<void> {
  if (command === 'destroy' && !yes) {
    throw new ScriptError(
      `This deletes Aurora cluster ${clusterIdentifier(config)} (${config.region}) and all its data (${describeCost('destroyed')}).\n` +
        'Run again with --confirm to go ahead.',
      2,
    );
  }
  const terraform = new Terraform(
    ctx.runner,
    await findTerraform(ctx.runner, ctx.env.TERRAFORM_BIN),
    ctx.outdir,
  );
  synthesize(config, ctx.outdir);
  await terraform.init('database');
  if (command === 'destroy') {
    await unprotectDatabase(config, terraform, ctx, true);
    await terraform.destroy('database', true);
    ctx.log(`Destroyed. ${describeCost('destroyed')}`);
    ctx.log(
      'Parts 6 and 7 still point at the old ARNs: after `recreate`, redeploy them (deploy.ts --part 6, --part 7).',
    );
    return;
  }
  await terraform.apply('database', yes);
  const outputs = await terraform.outputs('database');
  ctx.log(`Recreated. AURORA_CLUSTER_ARN=${outputs.cluster_arn ?? ''}`);
  ctx.log(`AURORA_SECRET_ARN=${outputs.secret_arn ?? ''} (a new secret: update .env)`);
  ctx.log('Load the schema and data: pnpm tsx scripts/reset-db.ts --with-test-data');
  ctx.log('Then redeploy Parts 6 and 7 so the Lambdas get the new secret ARN.');
}
