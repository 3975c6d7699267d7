import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import { Construct } from 'constructs';
import type { Config } from '../config.ts';
import { clusterIdentifier, functionName, queueNames, resourceName, SERVICES } from '../naming.ts';
import { metricNamespace } from './alarms.ts';

/** One CloudWatch metric line: [namespace, metric, ...dimension pairs, options]. */
type MetricLine = (string | Record<string, string | number>)[];

interface Widget {
  readonly title: string;
  readonly metrics: MetricLine[];
  readonly region?: string;
  readonly stat?: string;
}

/**
 * The custom agent metrics the planner emits in the Embedded Metric Format (packages/core/src/metrics.ts
 * holds the same names; a test keeps the two equal): namespace, dimension and metric names.
 */
export const AGENT_METRICS = {
  namespace: 'Alex/Agents',
  dimension: 'Agent',
  agents: ['tagger', 'reporter', 'charter', 'retirement'],
  names: {
    invocations: 'InvocationCount',
    duration: 'Duration',
    failures: 'FailureCount',
    fallbacks: 'FallbackCount',
  },
} as const;

/** Dimension values the dashboard needs that only exist once earlier stacks are deployed. */
export interface DashboardTargets {
  readonly apiId: string;
  readonly webAclName: string;
}

/** The widgets of the Part 8 dashboard, in reading order (exported for tests). */
export function dashboardWidgets(config: Config, targets: DashboardTargets): Widget[] {
  const perFunction = (metric: string, options: Record<string, string> = {}): MetricLine[] =>
    SERVICES.map((service) => ['AWS/Lambda', metric, 'FunctionName', functionName(config, service), options]);
  const queues = queueNames(config);
  const cluster = ['DBClusterIdentifier', clusterIdentifier(config)];
  const model = ['ModelId', config.bedrockModelId];
  const { namespace, dimension, agents, names } = AGENT_METRICS;
  const perAgent = (metric: string, options: Record<string, string> = {}): MetricLine[] =>
    agents.map((agent) => [namespace, metric, dimension, agent, { label: `${agent} ${metric}`, ...options }]);
  return [
    { title: 'Lambda invocations', metrics: perFunction('Invocations'), stat: 'Sum' },
    { title: 'Lambda errors', metrics: perFunction('Errors'), stat: 'Sum' },
    { title: 'Lambda duration (average, ms)', metrics: perFunction('Duration'), stat: 'Average' },
    { title: 'Lambda duration (p95, ms)', metrics: perFunction('Duration'), stat: 'p95' },
    {
      title: 'API requests and errors',
      stat: 'Sum',
      metrics: ['Count', '4xx', '5xx'].map((metric) => ['AWS/ApiGateway', metric, 'ApiId', targets.apiId]),
    },
    {
      title: 'API latency (p95, ms)',
      stat: 'p95',
      metrics: ['Latency', 'IntegrationLatency'].map((metric) => [
        'AWS/ApiGateway',
        metric,
        'ApiId',
        targets.apiId,
      ]),
    },
    {
      title: 'Analysis queue and DLQ',
      stat: 'Maximum',
      metrics: [
        ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', queues.queue],
        [
          'AWS/SQS',
          'ApproximateNumberOfMessagesNotVisible',
          'QueueName',
          queues.queue,
          { label: 'in flight' },
        ],
        ['AWS/SQS', 'ApproximateAgeOfOldestMessage', 'QueueName', queues.queue, { yAxis: 'right' }],
        [
          'AWS/SQS',
          'ApproximateNumberOfMessagesVisible',
          'QueueName',
          queues.dlq,
          { label: 'DLQ', color: '#d62728' },
        ],
      ],
    },
    {
      title: 'Aurora capacity (ACU; 0 = paused) and connections',
      stat: 'Average',
      metrics: [
        ['AWS/RDS', 'ServerlessDatabaseCapacity', ...cluster],
        ['AWS/RDS', 'ACUUtilization', ...cluster, { yAxis: 'right' }],
        ['AWS/RDS', 'DatabaseConnections', ...cluster],
      ],
    },
    {
      title: 'Database latency (ms) and Data API connection failures',
      stat: 'Average',
      metrics: [
        ['AWS/RDS', 'CommitLatency', ...cluster],
        ['AWS/RDS', 'ReadLatency', ...cluster],
        [metricNamespace(config), 'DatabaseConnectionFailures', { stat: 'Sum', yAxis: 'right' }],
      ],
    },
    {
      title: `Bedrock invocations (${config.bedrockModelId})`,
      region: config.bedrockRegion,
      stat: 'Sum',
      metrics: [
        ['AWS/Bedrock', 'Invocations', ...model],
        ['AWS/Bedrock', 'InvocationThrottles', ...model],
        ['AWS/Bedrock', 'InvocationClientErrors', ...model],
        ['AWS/Bedrock', 'InvocationServerErrors', ...model],
      ],
    },
    {
      title: 'Bedrock tokens',
      region: config.bedrockRegion,
      stat: 'Sum',
      metrics: [
        ['AWS/Bedrock', 'InputTokenCount', ...model],
        ['AWS/Bedrock', 'OutputTokenCount', ...model],
      ],
    },
    {
      title: 'Agents: invocations, failures and fallbacks (Alex/Agents)',
      stat: 'Sum',
      metrics: [...perAgent(names.invocations), ...perAgent(names.failures), ...perAgent(names.fallbacks)],
    },
    {
      title: 'Agents: duration (average, ms; Alex/Agents)',
      metrics: perAgent(names.duration),
      stat: 'Average',
    },
    {
      title: 'WAF on CloudFront (requests)',
      region: 'us-east-1',
      stat: 'Sum',
      metrics: [
        ['AWS/WAFV2', 'AllowedRequests', 'WebACL', targets.webAclName, 'Rule', 'ALL'],
        ['AWS/WAFV2', 'BlockedRequests', 'WebACL', targets.webAclName, 'Rule', 'ALL'],
      ],
    },
  ];
}

/** The CloudWatch dashboard: two widgets per row. */
export class Dashboard extends Construct {
  readonly dashboard: CloudwatchDashboard;

  constructor(scope: Construct, id: string, props: { config: Config; targets: DashboardTargets }) {
    super(scope, id);
    const { config } = props;
    const widgets = dashboardWidgets(config, props.targets).map((widget, index) => ({
      type: 'metric',
      x: (index % 2) * 12,
      y: Math.floor(index / 2) * 6,
      width: 12,
      height: 6,
      properties: {
        title: widget.title,
        view: 'timeSeries',
        region: widget.region ?? config.region,
        stat: widget.stat ?? 'Sum',
        period: 300,
        metrics: widget.metrics,
      },
    }));
    this.dashboard = new CloudwatchDashboard(this, 'dashboard', {
      dashboardName: resourceName(config),
      dashboardBody: JSON.stringify({ widgets }),
    });
  }
}
