import { BudgetsBudget } from '@cdktf/provider-aws/lib/budgets-budget';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import type { Construct } from 'constructs';
import type { Config } from '../config.ts';
import { Alarms } from '../constructs/alarms.ts';
import { AuditTrail } from '../constructs/audit-trail.ts';
import { Dashboard } from '../constructs/dashboard.ts';
import { resourceName } from '../naming.ts';
import { readStack } from '../state.ts';
import { AlexStack } from './alex-stack.ts';

/** Part 8: dashboard, alarms to an SNS topic (email), CloudTrail and the monthly budget. */
export class ObservabilityStack extends AlexStack {
  constructor(scope: Construct, config: Config) {
    super(scope, 'observability', config);
    const edge = readStack(this, config, 'api-frontend');
    const accountId = new DataAwsCallerIdentity(this, 'account').accountId;
    const partition = new DataAwsPartition(this, 'partition').partition;

    const topic = new SnsTopic(this, 'alerts', { name: resourceName(config, 'alerts') });
    if (config.alertEmail !== undefined) {
      new SnsTopicSubscription(this, 'alerts-email', {
        topicArn: topic.arn,
        protocol: 'email',
        endpoint: config.alertEmail,
      });
    }

    const apiId = edge.getString('api_id');
    new Alarms(this, 'alarms', { config, topicArn: topic.arn, apiId });
    const dashboard = new Dashboard(this, 'dashboard', {
      config,
      targets: { apiId, webAclName: edge.getString('web_acl_name') },
    });

    if (config.enableCloudTrail) new AuditTrail(this, 'audit', { config, accountId, partition });

    new BudgetsBudget(this, 'budget', {
      name: resourceName(config, 'monthly'),
      budgetType: 'COST',
      limitAmount: config.budgetUsd.toFixed(2),
      limitUnit: 'USD',
      timeUnit: 'MONTHLY',
      // Budget alerts go to the email and/or SNS topic in the deploy config (deploy refuses neither).
      notification:
        config.budgetEmail === undefined && config.budgetSnsTopicArn === undefined
          ? []
          : [
              { threshold: 80, thresholdType: 'PERCENTAGE', notificationType: 'ACTUAL' },
              { threshold: 100, thresholdType: 'PERCENTAGE', notificationType: 'FORECASTED' },
            ].map((rule) => ({
              ...rule,
              comparisonOperator: 'GREATER_THAN',
              ...(config.budgetEmail === undefined ? {} : { subscriberEmailAddresses: [config.budgetEmail] }),
              ...(config.budgetSnsTopicArn === undefined
                ? {}
                : { subscriberSnsTopicArns: [config.budgetSnsTopicArn] }),
            })),
    });

    this.output(
      'dashboard_url',
      `https://${config.region}.console.aws.amazon.com/cloudwatch/home?region=${config.region}#dashboards:name=${dashboard.dashboard.dashboardName}`,
      'the CloudWatch dashboard',
    );
    this.output('alerts_topic_arn', topic.arn, 'alarms notify this topic');
  }
}
