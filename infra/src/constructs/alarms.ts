import { METRIC_NAMES, METRICS_NAMESPACE } from '@alex/core';
import { CloudwatchLogMetricFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-metric-filter';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';
import type { Config } from '../config.ts';
import { functionName, logGroupName, queueNames, resourceName, SERVICES } from '../naming.ts';

/** Custom metric namespace for what only the logs can tell (Data API connection failures). */
export function metricNamespace(config: Pick<Config, 'stage'>): string {
  return `Alex/${config.stage}`;
}

/**
 * Data API errors that mean "cannot reach the database" (not SQL errors, and not
 * DatabaseResumingException, which is the expected retry while a paused cluster wakes up).
 */
export const CONNECTION_FAILURE_ERRORS = [
  'DatabaseUnavailableException',
  'DatabaseNotFoundException',
  'HttpEndpointNotEnabledException',
  'SecretsErrorException',
  'InvalidSecretException',
  'ForbiddenException',
  'ServiceUnavailableError',
  'InvalidResourceStateException',
] as const;

/**
 * Message fragments of the same failures, for log lines that carry the message but not the error
 * name. (The database package's DatabaseError keeps the Data API's error name as `code`, and the
 * logger writes it, so most lines match by name too.)
 */
export const CONNECTION_FAILURE_PHRASES = [
  'is not authorized to perform: rds-data',
  'HttpEndpoint is not enabled',
] as const;

/** The agents whose text can come from the offline writer when Claude's answer is unusable. */
export const WRITER_AGENTS = ['reporter', 'charter', 'retirement'] as const;

/** Lambda error rate above this percentage raises an alarm. */
export const ERROR_RATE_PERCENT = 5;

/** The Part 8 alarms, all notifying one SNS topic. */
export class Alarms extends Construct {
  constructor(scope: Construct, id: string, props: { config: Config; topicArn: string; apiId: string }) {
    super(scope, id);
    const { config, topicArn } = props;
    const notify = { alarmActions: [topicArn], okActions: [topicArn], treatMissingData: 'notBreaching' };

    for (const service of SERVICES) {
      const dimensions = { FunctionName: functionName(config, service) };
      const metric = (metricName: string) => ({
        namespace: 'AWS/Lambda',
        metricName,
        dimensions,
        period: 300,
        stat: 'Sum',
      });
      new CloudwatchMetricAlarm(this, `${service}-error-rate`, {
        alarmName: resourceName(config, `${service}-error-rate`),
        alarmDescription: `${service} Lambda: more than ${ERROR_RATE_PERCENT}% of invocations failed in 5 minutes`,
        comparisonOperator: 'GreaterThanThreshold',
        threshold: ERROR_RATE_PERCENT,
        evaluationPeriods: 1,
        metricQuery: [
          { id: 'errors', metric: metric('Errors'), returnData: false },
          { id: 'invocations', metric: metric('Invocations'), returnData: false },
          {
            id: 'error_rate',
            expression: 'IF(invocations > 0, 100 * errors / invocations, 0)',
            label: 'Error rate (%)',
            returnData: true,
          },
        ],
        ...notify,
      });
    }

    // One per agent: the agents emit FallbackCount (EMF) with an Agent dimension, and an alarm must
    // name every dimension of the metric it watches.
    for (const agent of WRITER_AGENTS) {
      new CloudwatchMetricAlarm(this, `${agent}-fallbacks`, {
        alarmName: resourceName(config, `${agent}-fallbacks`),
        alarmDescription: `${agent}: Claude's answer was unusable (invalid or stating figures the code did not compute) and Alex's built-in writer wrote the text instead, at least once in the last hour`,
        namespace: METRICS_NAMESPACE,
        metricName: METRIC_NAMES.fallbacks,
        dimensions: { Agent: agent },
        statistic: 'Sum',
        period: 3600,
        evaluationPeriods: 1,
        comparisonOperator: 'GreaterThanThreshold',
        threshold: 0,
        ...notify,
      });
    }

    new CloudwatchMetricAlarm(this, 'dlq-not-empty', {
      alarmName: resourceName(config, 'dlq-not-empty'),
      alarmDescription: 'An analysis job failed 3 times and is in the dead-letter queue',
      namespace: 'AWS/SQS',
      metricName: 'ApproximateNumberOfMessagesVisible',
      dimensions: { QueueName: queueNames(config).dlq },
      statistic: 'Maximum',
      period: 300,
      evaluationPeriods: 1,
      comparisonOperator: 'GreaterThanThreshold',
      threshold: 0,
      ...notify,
    });

    new CloudwatchMetricAlarm(this, 'api-5xx', {
      alarmName: resourceName(config, 'api-5xx'),
      alarmDescription: 'The API answered with a server error (5xx)',
      namespace: 'AWS/ApiGateway',
      metricName: '5xx',
      dimensions: { ApiId: props.apiId },
      statistic: 'Sum',
      period: 300,
      evaluationPeriods: 1,
      comparisonOperator: 'GreaterThanThreshold',
      threshold: 0,
      ...notify,
    });

    const pattern = [
      ...CONNECTION_FAILURE_ERRORS.map((name) => `?${name}`),
      ...CONNECTION_FAILURE_PHRASES.map((phrase) => `?"${phrase}"`),
    ].join(' ');
    for (const service of SERVICES) {
      new CloudwatchLogMetricFilter(this, `${service}-db-failures`, {
        name: resourceName(config, `${service}-db-connection-failures`),
        logGroupName: logGroupName(config, service),
        pattern,
        metricTransformation: {
          namespace: metricNamespace(config),
          name: 'DatabaseConnectionFailures',
          value: '1',
          defaultValue: '0',
        },
      });
    }
    new CloudwatchMetricAlarm(this, 'db-connection-failures', {
      alarmName: resourceName(config, 'db-connection-failures'),
      alarmDescription: `A Lambda logged a Data API connection failure (${CONNECTION_FAILURE_ERRORS.join(', ')})`,
      namespace: metricNamespace(config),
      metricName: 'DatabaseConnectionFailures',
      statistic: 'Sum',
      period: 300,
      evaluationPeriods: 1,
      comparisonOperator: 'GreaterThanThreshold',
      threshold: 0,
      ...notify,
    });
  }
}
