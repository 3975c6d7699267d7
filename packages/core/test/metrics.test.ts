import { describe, expect, it } from 'vitest';
import { createMetricsEmitter, METRICS_NAMESPACE } from '../src/metrics.ts';

describe('createMetricsEmitter', () => {
  it('writes one Embedded Metric Format line per data point, with its dimensions', () => {
    const lines: string[] = [];
    const metrics = createMetricsEmitter({
      sink: (line) => lines.push(line),
      clock: () => 1_700_000_000_000,
    });

    metrics.emit('FallbackCount', 1, 'Count', { Agent: 'reporter' });

    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      _aws: {
        Timestamp: 1_700_000_000_000,
        CloudWatchMetrics: [
          {
            Namespace: METRICS_NAMESPACE,
            Dimensions: [['Agent']],
            Metrics: [{ Name: 'FallbackCount', Unit: 'Count' }],
          },
        ],
      },
      Agent: 'reporter',
      FallbackCount: 1,
    });
  });
});
