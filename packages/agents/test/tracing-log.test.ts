import { createLogger } from '@alex/core';
import { run } from '@openai/agents';
import { afterAll, describe, expect, it } from 'vitest';
import { configureTracing, withJobTrace } from '../src/tracing.ts';
import { portfolioInput, valuingAgent } from './fixtures.ts';

// No Langfuse keys: spans become structured log lines.
const lines: string[] = [];
const tracing = configureTracing({}, createLogger({ sink: (line) => lines.push(line) }));

afterAll(async () => {
  await tracing.shutdown();
});

describe('tracing without Langfuse keys', () => {
  it('reports the log as the destination', () => {
    expect(tracing.destination).toBe('log');
  });

  it('writes each finished span as a JSON log line with the job id and the agent', async () => {
    await withJobTrace('Portfolio analysis', { job_id: 'job-7', user_id: 'user_1' }, () =>
      withJobTrace('Reporter', { job_id: 'job-7', agent: 'reporter', role: 'writes the report' }, () =>
        run(valuingAgent('Reporter agent'), portfolioInput),
      ),
    );
    await tracing.flush();

    const records = lines.map((line) => JSON.parse(line)).filter((record) => record.message === 'trace span');
    const tool = records.find((record) => record.span === 'value_portfolio');
    const generation = records.find((record) => record.span_type === 'generation');
    const job = records.find((record) => record.span === 'Portfolio analysis');
    expect(records.length).toBeGreaterThan(5);
    expect(records.every((record) => record.job_id === 'job-7' && record.user_id === 'user_1')).toBe(true);
    expect(tool).toMatchObject({ level: 'info', agent: 'reporter', span_type: 'tool' });
    expect(generation).toMatchObject({ agent: 'reporter', model: 'alex-offline:valuing' });
    expect(generation.usage.total).toBeGreaterThan(0);
    expect(typeof job.duration_ms).toBe('number');
    expect(job.parent_span_id).toBeDefined();
  });

  it('keeps tool inputs and outputs out of the log', async () => {
    await withJobTrace('Reporter', { job_id: 'job-8', agent: 'reporter' }, () =>
      run(valuingAgent('Reporter agent'), portfolioInput),
    );
    await tracing.flush();

    expect(lines.join('\n')).not.toContain('largest_holding');
  });

  it('lets a new configuration replace this one after shutdown', async () => {
    await tracing.shutdown();
    const second = configureTracing({}, createLogger({ sink: () => {} }));

    expect(second).not.toBe(tracing);
    await second.shutdown();
  });
});
