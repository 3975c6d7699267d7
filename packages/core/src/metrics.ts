/**
 * Custom CloudWatch metrics in the Embedded Metric Format: one JSON log line per data point, which
 * CloudWatch Logs turns into a metric in the namespace below (no PutMetricData call, no extra IAM).
 * Locally the same line lands in the log, where tests read it.
 */

/** The namespace every Alex metric lives in; the infra's alarms and dashboard name it too. */
export const METRICS_NAMESPACE = 'Alex/Agents';

/** The metrics Alex emits, so the infra and the code cannot disagree on a name. */
export const METRIC_NAMES = {
  invocations: 'InvocationCount',
  duration: 'Duration',
  failures: 'FailureCount',
  fallbacks: 'FallbackCount',
} as const;
export type MetricName = (typeof METRIC_NAMES)[keyof typeof METRIC_NAMES];

/** CloudWatch units Alex uses. */
export type MetricUnit = 'Count' | 'Milliseconds';

/** Where EMF lines go: stdout in Lambda (CloudWatch Logs parses it), an array in tests. */
export type MetricSink = (line: string) => void;

/** Emits one metric data point with its dimensions (e.g. `{ Agent: 'reporter' }`). */
export interface MetricsEmitter {
  emit(name: MetricName, value: number, unit: MetricUnit, dimensions?: Record<string, string>): void;
}

/** The EMF document for one data point (exported for tests that check the wire shape). */
export function emfLine(
  name: MetricName,
  value: number,
  unit: MetricUnit,
  dimensions: Record<string, string>,
  timestamp: number,
): string {
  return JSON.stringify({
    _aws: {
      Timestamp: timestamp,
      CloudWatchMetrics: [
        {
          Namespace: METRICS_NAMESPACE,
          Dimensions: [Object.keys(dimensions)],
          Metrics: [{ Name: name, Unit: unit }],
        },
      ],
    },
    ...dimensions,
    [name]: value,
  });
}

/** An emitter writing EMF lines to `sink` (stdout by default). */
export function createMetricsEmitter(
  options: { sink?: MetricSink; clock?: () => number } = {},
): MetricsEmitter {
  const sink = options.sink ?? ((line) => process.stdout.write(`${line}\n`));
  const clock = options.clock ?? Date.now;
  return {
    emit(name, value, unit, dimensions = {}) {
      sink(emfLine(name, value, unit, dimensions, clock()));
    },
  };
}

/** An emitter that drops everything (tests that do not look at metrics). */
export const silentMetrics: MetricsEmitter = { emit: () => {} };
