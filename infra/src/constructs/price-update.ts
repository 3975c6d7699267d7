import { ENV } from '@alex/core';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';
import { Construct } from 'constructs';
import type { Config } from '../config.ts';
import { databaseAccess, readSecrets } from '../iam.ts';
import { DATABASE_NAME, resourceName } from '../naming.ts';
import { NodeLambda } from './node-lambda.ts';

/**
 * Every day at 06:00 UTC, after the US close (21:00 UTC) has settled into Polygon's daily bars;
 * on a weekend or holiday the Lambda walks back to the last trading day.
 */
export const PRICE_SCHEDULE = 'cron(0 6 * * ? *)';

/** What the price update needs: the database it writes. */
export interface PriceUpdateProps {
  readonly config: Config;
  readonly clusterArn: string;
  readonly secretArn: string;
}

/**
 * The optional daily price update: the `prices` Lambda, an empty Secrets Manager secret for the
 * Polygon.io key (the student puts the key in it; until then each run logs that and changes
 * nothing), and the EventBridge rule that invokes it once a day.
 */
export class PriceUpdate extends Construct {
  readonly lambda: NodeLambda;
  readonly secret: SecretsmanagerSecret;
  readonly rule: CloudwatchEventRule;

  constructor(scope: Construct, id: string, props: PriceUpdateProps) {
    super(scope, id);
    const { config } = props;
    this.secret = new SecretsmanagerSecret(this, 'polygon', {
      name: `${resourceName(config)}/polygon`,
      description:
        'POLYGON_API_KEY for the daily price update (set with put-secret-value; empty: prices stay)',
      recoveryWindowInDays: 0,
    });
    new SecretsmanagerSecretVersion(this, 'polygon-placeholder', {
      secretId: this.secret.id,
      // The key is put outside Terraform so it never sits in the synthesised JSON; ignore_changes
      // keeps Terraform from blanking it on the next apply.
      secretString: JSON.stringify({ POLYGON_API_KEY: '' }),
      lifecycle: { ignoreChanges: ['secret_string'] },
    });

    this.lambda = new NodeLambda(this, 'lambda', {
      config,
      service: 'prices',
      environment: {
        [ENV.AURORA_CLUSTER_ARN]: props.clusterArn,
        [ENV.AURORA_SECRET_ARN]: props.secretArn,
        [ENV.AURORA_DATABASE]: DATABASE_NAME,
        [ENV.POLYGON_SECRET_ARN]: this.secret.arn,
      },
      statements: [
        ...databaseAccess(props.clusterArn, props.secretArn),
        readSecrets('PolygonKey', [this.secret.arn]),
      ],
    });

    this.rule = new CloudwatchEventRule(this, 'schedule', {
      name: `${resourceName(config)}-daily-prices`,
      description: 'Invokes the prices Lambda once a day (Polygon.io closing prices)',
      scheduleExpression: PRICE_SCHEDULE,
    });
    new CloudwatchEventTarget(this, 'target', {
      rule: this.rule.name,
      targetId: 'prices',
      arn: this.lambda.fn.arn,
    });
    new LambdaPermission(this, 'invoke', {
      statementId: 'AllowDailySchedule',
      action: 'lambda:InvokeFunction',
      functionName: this.lambda.fn.functionName,
      principal: 'events.amazonaws.com',
      sourceArn: this.rule.arn,
    });
  }
}
