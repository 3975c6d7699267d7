import { createLogger } from '@alex/core';
import { withGenerationSpan } from '@openai/agents';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { MODEL_PRICES_AS_OF } from '../src/model-prices.ts';
import { configureTracing, recordJobError, recordJobEvent, withJobTrace } from '../src/tracing.ts';

// Langfuse keys set: the production span processor runs, with only its network exporter swapped.
const exporter = new InMemorySpanExporter();
const tracing = configureTracing(
  {
    LANGFUSE_PUBLIC_KEY: 'pk-lf-test',
    LANGFUSE_SECRET_KEY: 'sk-lf-test',
    LANGFUSE_BASE_URL: 'http://127.0.0.1:9',
  },
  createLogger({ sink: () => {} }),
  { exporter },
);
const JOB = { job_id: 'job-7', user_id: 'user_abc' };
const attr = (span: ReadableSpan | undefined, key: string) => span?.attributes[`langfuse.observation.${key}`];
const named = (spans: ReadableSpan[], name: string) => spans.find((span) => span.name === name);

async function finished(): Promise<ReadableSpan[]> {
  await tracing.flush();
  return exporter.getFinishedSpans();
}

beforeEach(() => exporter.reset());
afterAll(() => tracing.shutdown());

describe('job traces: decisions, failures and cost', () => {
  it('records each routing decision as a Langfuse event inside the job trace', async () => {
    await withJobTrace('📊 Portfolio Analysis', JOB, async () => {
      await recordJobEvent('decision: missing data for ARKK → tagger', {
        decision: 'missing data for ARKK → tagger',
      });
    });
    const event = named(await finished(), 'decision: missing data for ARKK → tagger');
    expect(attr(event, 'type')).toBe('event');
    expect(attr(event, 'metadata.decision')).toBe('missing data for ARKK → tagger');
  });

  it('marks a failed job as an error, on the event and on the trace, with the cause', async () => {
    await withJobTrace('📊 Portfolio Analysis', JOB, async () => {
      await recordJobError('job failed', 'charter: Bedrock throttled', { failsTrace: true });
    });
    const spans = await finished();
    const failure = named(spans, 'job failed');
    expect(attr(failure, 'level')).toBe('ERROR');
    expect(attr(failure, 'status_message')).toBe('charter: Bedrock throttled');
    const root = named(spans, '📊 Portfolio Analysis');
    expect(attr(root, 'level')).toBe('ERROR');
    expect(attr(root, 'status_message')).toBe('charter: Bedrock throttled');
  });

  it('marks an agent whose run throws as an error with the cause, in its own Lambda', async () => {
    const run = withJobTrace('📝 Reporter', { ...JOB, agent: 'reporter' }, async () => {
      throw new Error('reporter: the model gave no final answer');
    });
    await expect(run).rejects.toThrow('no final answer');
    const spans = await finished();
    expect(attr(named(spans, '📝 Reporter'), 'level')).toBe('ERROR');
    expect(attr(named(spans, '📝 Reporter failed'), 'status_message')).toBe(
      'reporter: the model gave no final answer',
    );
  });

  it('a job that succeeds is not marked as an error', async () => {
    await withJobTrace('📊 Portfolio Analysis', JOB, async () => {
      await recordJobEvent('decision: every instrument is classified → no tagging', {});
    });
    expect(attr(named(await finished(), '📊 Portfolio Analysis'), 'level')).toBeUndefined();
  });

  it('gives each Bedrock generation its model id, tokens and cost from the dated price table', async () => {
    const model = 'amazon-bedrock:us.anthropic.claude-sonnet-4-20250514-v1:0';
    await withJobTrace('📊 Portfolio Analysis', JOB, () =>
      withGenerationSpan(
        async (span) => {
          span.spanData.usage = { input_tokens: 2_000, output_tokens: 500 };
        },
        { data: { model } },
      ),
    );
    const generation = (await finished()).find((span) => attr(span, 'type') === 'generation');
    expect(attr(generation, 'model.name')).toBe(model);
    expect(JSON.parse(String(attr(generation, 'usage_details')))).toEqual({
      input: 2_000,
      output: 500,
      total: 2_500,
    });
    // $3 and $15 per million tokens: 0.006 + 0.0075
    const cost = JSON.parse(String(attr(generation, 'cost_details')));
    expect(cost.input).toBeCloseTo(0.006, 10);
    expect(cost.output).toBeCloseTo(0.0075, 10);
    expect(cost.total).toBeCloseTo(0.0135, 10);
    expect(attr(generation, 'metadata.prices_as_of')).toBe(MODEL_PRICES_AS_OF);
  });

  it('leaves the cost out for a model the table does not price (the offline model)', async () => {
    await withJobTrace('📊 Portfolio Analysis', JOB, () =>
      withGenerationSpan(
        async (span) => {
          span.spanData.usage = { input_tokens: 10, output_tokens: 10 };
        },
        { data: { model: 'alex-offline:reporter' } },
      ),
    );
    const generation = (await finished()).find((span) => attr(span, 'type') === 'generation');
    expect(attr(generation, 'cost_details')).toBeUndefined();
  });
});
