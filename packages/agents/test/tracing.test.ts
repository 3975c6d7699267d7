import { createLogger } from '@alex/core';
import { run } from '@openai/agents';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { langfuseTraceIdForJob } from '../src/langfuse-processor.ts';
import { configureTracing, recordJobEvent, withJobTrace } from '../src/tracing.ts';
import { portfolioInput, valuingAgent } from './fixtures.ts';

// Langfuse keys set: the production LangfuseSpanProcessor runs, with only its network exporter swapped.
const exporter = new InMemorySpanExporter();
const logLines: string[] = [];
const tracing = configureTracing(
  {
    LANGFUSE_PUBLIC_KEY: 'pk-lf-test',
    LANGFUSE_SECRET_KEY: 'sk-lf-test',
    LANGFUSE_BASE_URL: 'http://127.0.0.1:9',
  },
  createLogger({ sink: (line) => logLines.push(line) }),
  { exporter },
);

const JOB = { job_id: 'job-42', user_id: 'user_abc' };
const meta = (span: ReadableSpan, key: string) => span.attributes[`langfuse.observation.metadata.${key}`];
const byName = (spans: ReadableSpan[], name: string) => spans.filter((span) => span.name === name);
const childrenOf = (spans: ReadableSpan[], parent: ReadableSpan) =>
  spans.filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);
const descendantsOf = (spans: ReadableSpan[], parent: ReadableSpan): ReadableSpan[] =>
  childrenOf(spans, parent).flatMap((child) => [child, ...descendantsOf(spans, child)]);
const ofType = (spans: ReadableSpan[], type: string) =>
  spans.filter((span) => span.attributes['langfuse.observation.type'] === type);

/** A job run the way the planner runs one locally: two agents in parallel inside the job trace. */
async function analyseJob(): Promise<ReadableSpan[]> {
  await withJobTrace(
    'Portfolio analysis',
    { ...JOB, positions: 2, decisions: ['missing data for ARKK → tagger'] },
    () =>
      Promise.all([
        withJobTrace('Reporter', { ...JOB, agent: 'reporter', role: 'writes the report' }, () =>
          run(valuingAgent('Reporter agent'), portfolioInput),
        ),
        withJobTrace('Charter', { ...JOB, agent: 'charter', role: 'draws the charts' }, () =>
          run(valuingAgent('Charter agent'), portfolioInput),
        ),
      ]),
  );
  await tracing.flush();
  return exporter.getFinishedSpans();
}

beforeEach(() => {
  exporter.reset();
});

afterAll(async () => {
  await tracing.shutdown();
});

describe('tracing to Langfuse', () => {
  it('reports Langfuse as the destination when both keys are set', () => {
    expect(tracing.destination).toBe('langfuse');
  });

  it('makes the job the parent trace with its name, user and decisions', async () => {
    const spans = await analyseJob();

    const [root] = byName(spans, 'Portfolio analysis');
    expect(root?.attributes).toMatchObject({
      'langfuse.trace.name': 'Portfolio analysis',
      'user.id': 'user_abc',
      'langfuse.trace.metadata.positions': '2',
      'langfuse.trace.metadata.decisions': '["missing data for ARKK → tagger"]',
    });
    expect(root?.spanContext().traceId).toBe(langfuseTraceIdForJob('job-42'));
  });

  it('nests one agent observation per agent under the job, each with its role and the job id', async () => {
    const spans = await analyseJob();

    const [root] = byName(spans, 'Portfolio analysis');
    const agents = childrenOf(spans, root as ReadableSpan);
    expect(agents.map((span) => span.name).sort()).toEqual(['Charter', 'Reporter']);
    for (const agent of agents) {
      expect(agent.attributes['langfuse.observation.type']).toBe('agent');
      expect(meta(agent, 'job_id')).toBe('job-42');
      expect(meta(agent, 'role')).toMatch(/writes the report|draws the charts/);
    }
  });

  it('records tool calls and model generations with token usage inside each agent', async () => {
    const spans = await analyseJob();

    const [reporter] = byName(spans, 'Reporter');
    const inside = descendantsOf(spans, reporter as ReadableSpan);
    const [tool] = ofType(inside, 'tool');
    const generations = ofType(inside, 'generation');
    expect(ofType(inside, 'agent').map((span) => span.name)).toEqual(['Reporter agent']);
    expect(tool?.name).toBe('value_portfolio');
    expect(JSON.parse(String(tool?.attributes['langfuse.observation.output']))).toEqual({
      total_value: 1000,
      largest_holding: 'VTI',
    });
    expect(generations).toHaveLength(2);
    const usage = JSON.parse(String(generations[0]?.attributes['langfuse.observation.usage_details']));
    expect(usage.input).toBeGreaterThan(0);
    expect(usage.total).toBe(usage.input + usage.output);
    expect(generations[0]?.attributes['langfuse.observation.model.name']).toBe('alex-offline:valuing');
  });

  it('puts the job id, the user and the agent on every span of the job', async () => {
    const spans = await analyseJob();

    expect(spans.length).toBeGreaterThan(8);
    for (const span of spans) {
      expect(span.spanContext().traceId).toBe(langfuseTraceIdForJob('job-42'));
      expect(span.attributes['user.id']).toBe('user_abc');
      expect(meta(span, 'job_id')).toBe('job-42');
    }
    const underReporter = spans.filter((span) => meta(span, 'agent') === 'reporter').map((span) => span.name);
    expect(underReporter).toEqual(expect.arrayContaining(['Reporter', 'Reporter agent', 'value_portfolio']));
  });

  it('links an agent Lambda’s own trace to the job’s Langfuse trace without renaming it', async () => {
    await withJobTrace('Retirement', { ...JOB, agent: 'retirement', role: 'projects income' }, () =>
      run(valuingAgent('Retirement agent'), portfolioInput),
    );
    await tracing.flush();

    const [root] = byName(exporter.getFinishedSpans(), 'Retirement');
    expect(root?.spanContext().traceId).toBe(langfuseTraceIdForJob('job-42'));
    expect(root?.attributes['langfuse.observation.type']).toBe('agent');
    expect(root?.attributes['langfuse.trace.name']).toBeUndefined();
  });

  it('records a routing decision as an event in the job trace', async () => {
    await withJobTrace('Portfolio analysis', JOB, () =>
      recordJobEvent('Routing decision', { symbols: ['ARKK'] }),
    );
    await tracing.flush();

    const [event] = byName(exporter.getFinishedSpans(), 'Routing decision');
    expect(event?.attributes['langfuse.observation.type']).toBe('event');
    expect(meta(event as ReadableSpan, 'symbols')).toBe('["ARKK"]');
  });

  it('marks a failed tool call as an error observation', async () => {
    const { Agent, tool } = await import('@openai/agents');
    const { OfflineModel } = await import('../src/offline-model.ts');
    const { z } = await import('zod');
    const failing = tool({
      name: 'fetch_prices',
      description: 'Fails.',
      parameters: z.object({}),
      execute: async () => {
        throw new Error('price feed down');
      },
    });
    const agent = new Agent({
      name: 'Failing',
      instructions: '',
      tools: [failing],
      model: new OfflineModel({
        name: 'failing',
        next: (turn) =>
          turn.turn === 1 ? { toolCalls: [{ name: 'fetch_prices', arguments: {} }] } : { output: 'done' },
      }),
    });

    await withJobTrace('Portfolio analysis', JOB, () => run(agent, '{}'));
    await tracing.flush();

    const [toolSpan] = byName(exporter.getFinishedSpans(), 'fetch_prices');
    expect(toolSpan?.attributes['langfuse.observation.level']).toBe('ERROR');
  });

  it('returns the same configuration when configured twice', () => {
    expect(configureTracing({}, createLogger({ sink: () => {} }))).toBe(tracing);
  });
});
