import { beforeAll, describe, expect, it } from 'vitest';
import { METRIC_NAMES, METRICS_NAMESPACE } from '../../../packages/core/src/metrics.ts';
import { CONNECTION_FAILURE_ERRORS, CONNECTION_FAILURE_PHRASES } from '../../src/constructs/alarms.ts';
import { AGENT_METRICS } from '../../src/constructs/dashboard.ts';
import { only, ref, resources, type StackJson, statementsOf, synthAll, TEST_ENV } from '../synth-helpers.ts';

let stack: StackJson;

beforeAll(() => {
  stack = synthAll().stacks.observability;
});

const SERVICES = ['planner', 'tagger', 'reporter', 'charter', 'retirement', 'api', 'prices'];
const alarms = () => resources(stack, 'aws_cloudwatch_metric_alarm').map((alarm) => alarm.body);
const alarm = (name: string) => alarms().find((body) => body.alarm_name === `alex-test-${name}`);
const dashboard = () =>
  JSON.parse(String(only(stack, 'aws_cloudwatch_dashboard').dashboard_body)) as {
    widgets: { properties: { title: string; metrics: unknown[][]; region: string } }[];
  };

describe('the observability stack (Part 8)', () => {
  it('charts invocations, errors and durations for every function', () => {
    const widgets = dashboard().widgets;
    for (const title of ['Lambda invocations', 'Lambda errors', 'Lambda duration (average, ms)']) {
      const widget = widgets.find((w) => w.properties.title === title);
      const functions = widget?.properties.metrics.map((line) => line[3]);
      expect(functions).toEqual(SERVICES.map((service) => `alex-test-${service}`));
    }
  });

  it('charts API requests and 5xx, the queue and the DLQ, Aurora and Bedrock tokens', () => {
    const metrics = dashboard().widgets.flatMap((w) =>
      w.properties.metrics.map((line) => `${line[0]}/${line[1]}`),
    );
    expect(metrics).toEqual(
      expect.arrayContaining([
        'AWS/ApiGateway/Count',
        'AWS/ApiGateway/5xx',
        'AWS/SQS/ApproximateNumberOfMessagesVisible',
        'AWS/RDS/ServerlessDatabaseCapacity',
        'Alex/test/DatabaseConnectionFailures',
        'AWS/Bedrock/Invocations',
        'AWS/Bedrock/InputTokenCount',
        'AWS/Bedrock/OutputTokenCount',
      ]),
    );
  });

  it('graphs the agents’ custom metrics, with the names and namespace the code emits them under', () => {
    expect(AGENT_METRICS.namespace).toBe(METRICS_NAMESPACE);
    expect(AGENT_METRICS.names).toEqual(METRIC_NAMES);
    const lines = dashboard().widgets.flatMap((w) => w.properties.metrics);
    for (const metric of ['InvocationCount', 'Duration', 'FailureCount', 'FallbackCount']) {
      const agents = lines.filter((l) => l[0] === 'Alex/Agents' && l[1] === metric).map((l) => [l[2], l[3]]);
      expect(agents).toEqual(['tagger', 'reporter', 'charter', 'retirement'].map((a) => ['Agent', a]));
    }
  });

  it('reads Bedrock metrics in the Bedrock region and the API id from the Part 7 stack', () => {
    const widgets = dashboard().widgets;
    expect(widgets.find((w) => w.properties.title === 'Bedrock tokens')?.properties.region).toBe('us-east-1');
    const api = widgets.find((w) => w.properties.title === 'API requests and errors');
    expect(api?.properties.metrics[0]).toEqual([
      'AWS/ApiGateway',
      'Count',
      'ApiId',
      ref('data.terraform_remote_state.stack-api-frontend.outputs.api_id'),
    ]);
  });

  it('alarms on any fallback to the built-in writer in an hour, per writing agent', () => {
    for (const agent of ['reporter', 'charter', 'retirement']) {
      expect(alarm(`${agent}-fallbacks`)).toMatchObject({
        namespace: 'Alex/Agents',
        metric_name: 'FallbackCount',
        dimensions: { Agent: agent },
        statistic: 'Sum',
        period: 3600,
        evaluation_periods: 1,
        comparison_operator: 'GreaterThanThreshold',
        threshold: 0,
        treat_missing_data: 'notBreaching',
      });
    }
  });

  it('alarms when more than 5% of a function’s invocations fail', () => {
    for (const service of SERVICES) {
      const rate = alarm(`${service}-error-rate`);
      expect(rate).toMatchObject({ threshold: 5, comparison_operator: 'GreaterThanThreshold' });
      expect(rate?.metric_query).toContainEqual(
        expect.objectContaining({ expression: 'IF(invocations > 0, 100 * errors / invocations, 0)' }),
      );
    }
  });

  it('alarms as soon as a message reaches the DLQ', () => {
    expect(alarm('dlq-not-empty')).toMatchObject({
      namespace: 'AWS/SQS',
      dimensions: { QueueName: 'alex-test-analysis-dlq' },
      threshold: 0,
      comparison_operator: 'GreaterThanThreshold',
    });
  });

  it('alarms on API 5xx responses', () => {
    expect(alarm('api-5xx')).toMatchObject({ namespace: 'AWS/ApiGateway', metric_name: '5xx', threshold: 0 });
  });

  it('alarms on database connection failures counted from every function’s logs', () => {
    expect(alarm('db-connection-failures')).toMatchObject({
      metric_name: 'DatabaseConnectionFailures',
      threshold: 0,
    });
    const filters = resources(stack, 'aws_cloudwatch_log_metric_filter').map((f) => f.body);
    expect(filters.map((f) => f.log_group_name).sort()).toEqual(
      SERVICES.map((s) => `/aws/lambda/alex-test-${s}`).sort(),
    );
    for (const error of CONNECTION_FAILURE_ERRORS) expect(String(filters[0]?.pattern)).toContain(`?${error}`);
    for (const phrase of CONNECTION_FAILURE_PHRASES)
      expect(String(filters[0]?.pattern)).toContain(`?"${phrase}"`);
    expect(String(filters[0]?.pattern)).not.toContain('DatabaseResumingException');
  });

  it('sends every alarm to the alerts topic, which emails the configured address', () => {
    for (const body of alarms()) expect(body.alarm_actions).toEqual([ref('aws_sns_topic.alerts.arn')]);
    expect(only(stack, 'aws_sns_topic_subscription')).toMatchObject({
      protocol: 'email',
      endpoint: 'ada@example.com',
    });
  });

  it('sets a $50 monthly cost budget that emails at 80% actual and 100% forecast', () => {
    const budget = only(stack, 'aws_budgets_budget');
    expect(budget).toMatchObject({
      budget_type: 'COST',
      limit_amount: '50.00',
      limit_unit: 'USD',
      time_unit: 'MONTHLY',
    });
    expect(budget.notification).toEqual([
      expect.objectContaining({
        threshold: 80,
        notification_type: 'ACTUAL',
        subscriber_email_addresses: ['ada@example.com'],
      }),
      expect.objectContaining({ threshold: 100, notification_type: 'FORECASTED' }),
    ]);
  });

  it('sends budget alerts to the SNS topic named in the deploy config, with or without an email', () => {
    const topicArn = 'arn:aws:sns:us-east-1:123456789012:team-budget';
    const budget = only(
      synthAll({ ...TEST_ENV, ALEX_BUDGET_EMAIL: '', ALEX_BUDGET_SNS_TOPIC_ARN: topicArn }).stacks
        .observability,
      'aws_budgets_budget',
    );
    const notifications = budget.notification as Record<string, unknown>[];
    expect(notifications).toHaveLength(2);
    for (const n of notifications) {
      expect(n.subscriber_sns_topic_arns).toEqual([topicArn]);
      expect(n).not.toHaveProperty('subscriber_email_addresses');
    }
  });

  it('records a multi-region CloudTrail with log file validation into a private bucket', () => {
    expect(only(stack, 'aws_cloudtrail')).toMatchObject({
      is_multi_region_trail: true,
      enable_log_file_validation: true,
      include_global_service_events: true,
    });
    expect(only(stack, 'aws_s3_bucket_public_access_block')).toMatchObject({ block_public_policy: true });
    const statements = statementsOf(only(stack, 'aws_s3_bucket_policy').policy);
    expect(statements.find((s) => s.Sid === 'CloudTrailWrite')?.Condition).toMatchObject({
      StringEquals: { 'aws:SourceArn': expect.stringMatching(/:trail\/alex-test-audit$/) },
    });
  });

  it('leaves CloudTrail out when a student already has a trail and turns it off', () => {
    const without = synthAll({ ...TEST_ENV, ALEX_CLOUDTRAIL: 'false' }).stacks.observability;
    expect(resources(without, 'aws_cloudtrail')).toEqual([]);
  });
});
