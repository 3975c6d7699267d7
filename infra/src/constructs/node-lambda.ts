import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV } from '@alex/core';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { Construct } from 'constructs';
import type { Config } from '../config.ts';
import { type PolicyStatement, policyDocument } from '../iam.ts';
import { functionName, logGroupName, type Service } from '../naming.ts';

/** Size of one Lambda: what it does decides its timeout and memory. */
export interface LambdaSize {
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
}

/**
 * Sizes per service. Agents mostly wait on Bedrock, so memory buys CPU for cold starts and JSON
 * work, not throughput. The planner waits for the others (each ≤ 300 s) plus tagging, so 900 s.
 */
export const LAMBDA_SIZES: Readonly<Record<Service, LambdaSize>> = {
  planner: { timeoutSeconds: 900, memoryMb: 2048 },
  tagger: { timeoutSeconds: 300, memoryMb: 1024 },
  reporter: { timeoutSeconds: 300, memoryMb: 1024 },
  charter: { timeoutSeconds: 300, memoryMb: 1024 },
  retirement: { timeoutSeconds: 300, memoryMb: 1024 },
  api: { timeoutSeconds: 30, memoryMb: 512 },
  // One Polygon call a trading day back (a few on a long weekend) and one write per instrument.
  prices: { timeoutSeconds: 120, memoryMb: 256 },
};

/** What a NodeLambda needs beyond the config. */
export interface NodeLambdaProps {
  readonly config: Config;
  readonly service: Service;
  readonly environment: Record<string, string>;
  /** Everything the function may do besides writing its own logs. */
  readonly statements: readonly PolicyStatement[];
}

/**
 * One Lambda with its own role, its own log group (with retention) and an inline policy holding
 * only its statements. Code comes from `<lambdaDistDir>/<service>.zip`, which need not exist at
 * synth time: the hash is added only when it does, and deploy.ts checks before applying.
 */
export class NodeLambda extends Construct {
  readonly fn: LambdaFunction;
  readonly role: IamRole;
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: NodeLambdaProps) {
    super(scope, id);
    const { config, service } = props;
    const name = functionName(config, service);
    const size = LAMBDA_SIZES[service];

    this.logGroup = new CloudwatchLogGroup(this, 'logs', {
      name: logGroupName(config, service),
      retentionInDays: config.logRetentionDays,
    });

    this.role = new IamRole(this, 'role', {
      name: `${name}-role`,
      description: `Runs the ${service} Lambda; nothing else assumes it.`,
      assumeRolePolicy: policyDocument([
        {
          Sid: 'LambdaAssume',
          Effect: 'Allow',
          Principal: { Service: 'lambda.amazonaws.com' },
          Action: ['sts:AssumeRole'],
        },
      ]),
    });

    const policy = new IamRolePolicy(this, 'policy', {
      name: `${name}-policy`,
      role: this.role.id,
      policy: policyDocument([
        {
          Sid: 'OwnLogs',
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: [`${this.logGroup.arn}:log-stream:*`],
        },
        ...props.statements,
      ]),
    });

    const zip = join(config.lambdaDistDir, `${service}.zip`);
    this.fn = new LambdaFunction(this, 'function', {
      functionName: name,
      description: `Alex ${service} (${config.stage})`,
      role: this.role.arn,
      runtime: 'nodejs22.x',
      architectures: ['arm64'],
      handler: 'index.handler',
      filename: zip,
      ...(existsSync(zip)
        ? { sourceCodeHash: createHash('sha256').update(readFileSync(zip)).digest('base64') }
        : {}),
      timeout: size.timeoutSeconds,
      memorySize: size.memoryMb,
      environment: {
        variables: { [ENV.ALEX_STAGE]: config.stage, [ENV.LOG_LEVEL]: config.logLevel, ...props.environment },
      },
      dependsOn: [this.logGroup, policy],
    });
  }
}
