import { createHash } from 'node:crypto';
import {
  createObservationAttributes,
  getLangfuseTracer,
  LangfuseOtelSpanAttributes,
} from '@langfuse/tracing';
import type { Span, SpanData, Trace, TracingProcessor } from '@openai/agents';
import {
  type Span as OtelSpan,
  trace as otelTrace,
  ROOT_CONTEXT,
  type SpanContext,
  SpanStatusCode,
  TraceFlags,
} from '@opentelemetry/api';
import { generationCost, MODEL_PRICES_AS_OF } from './model-prices.ts';

type AnySpan = Span<SpanData>;
type ObservationType = 'span' | 'agent' | 'tool' | 'generation' | 'event' | 'guardrail';
type ObservationAttributes = Parameters<typeof createObservationAttributes>[1];

/** An open Langfuse observation: the OpenTelemetry span and the kind it was opened as. */
interface Observation {
  span: OtelSpan;
  type: ObservationType;
  /** The agent this observation belongs to, inherited down the tree so every span names it. */
  agent?: string;
}

/** Opens a Langfuse observation as an OpenTelemetry span on the Langfuse tracer, under `parent` if given. */
function startObservation(
  name: string,
  type: ObservationType,
  attributes: ObservationAttributes,
  parent?: SpanContext,
  startTime?: Date,
): Observation {
  const context = parent === undefined ? ROOT_CONTEXT : otelTrace.setSpanContext(ROOT_CONTEXT, parent);
  const span = getLangfuseTracer().startSpan(
    name,
    {
      attributes: createObservationAttributes(type, attributes),
      ...(startTime === undefined ? {} : { startTime }),
    },
    context,
  );
  return { span, type };
}

const update = (observation: Observation, attributes: ObservationAttributes): void => {
  observation.span.setAttributes(createObservationAttributes(observation.type, attributes));
};

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The Langfuse trace id for a job: the same SHA-256 derivation as Langfuse's `createTraceId(jobId)`, so the
 * planner and every agent Lambda of one job write into one Langfuse trace, and scores can find it later.
 */
export const langfuseTraceIdForJob = (jobId: string): string => sha256(jobId).slice(0, 32);

/** The job id a trace or span belongs to: `job_id` metadata, else the SDK group id. */
function jobIdOf(metadata: Record<string, unknown> | undefined, groupId?: string | null): string | undefined {
  const value = metadata?.job_id ?? groupId;
  return value === undefined || value === null || value === '' ? undefined : String(value);
}

/** Langfuse's kind of observation for each Agents SDK span kind. */
function observationType(data: SpanData): ObservationType {
  switch (data.type) {
    case 'agent':
      return 'agent';
    case 'function':
      return 'tool';
    case 'generation':
      return 'generation';
    case 'guardrail':
      return 'guardrail';
    case 'custom':
      if (data.data.event === true) return 'event';
      return typeof data.data.agent === 'string' ? 'agent' : 'span';
    default:
      return 'span';
  }
}

/** The agent a span names itself: `agent` in a job span's metadata, or the SDK agent's own name. */
function agentOf(data: SpanData): string | undefined {
  if (data.type === 'custom' && typeof data.data.agent === 'string') return data.data.agent;
  return undefined;
}

function observationName(data: SpanData): string {
  if ('name' in data && typeof data.name === 'string') return data.name;
  if (data.type === 'turn') return `turn ${data.turn}`;
  return data.type;
}

const parseMaybeJson = (text: string | undefined): unknown => {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** Span data that belongs in Langfuse's metadata column rather than input, output or usage. */
function spanMetadata(data: SpanData): Record<string, unknown> {
  switch (data.type) {
    case 'agent':
      return { tools: data.tools, handoffs: data.handoffs, output_type: data.output_type };
    case 'custom':
      return data.data;
    case 'task':
    case 'turn':
      return { usage: data.usage };
    case 'handoff':
      return { from_agent: data.from_agent, to_agent: data.to_agent };
    case 'guardrail':
      return { triggered: data.triggered };
    default:
      return {};
  }
}

/** `user.id` and the job id on every observation, so any one of them leads back to the user and the job. */
function linkAttributes(metadata: Record<string, unknown> | undefined, jobId: string | undefined) {
  const userId = metadata?.user_id;
  return {
    ...(typeof userId === 'string' ? { [LangfuseOtelSpanAttributes.TRACE_USER_ID]: userId } : {}),
    ...(jobId === undefined ? {} : { [`${LangfuseOtelSpanAttributes.OBSERVATION_METADATA}.job_id`]: jobId }),
  };
}

/**
 * An Agents SDK trace processor that records traces and spans as Langfuse observations (OpenTelemetry spans
 * through `@langfuse/tracing`): a job trace becomes the Langfuse trace (name, user, metadata such as
 * decisions), agents, tool calls and generations (with token usage) its nested observations.
 */
export class LangfuseTraceProcessor implements TracingProcessor {
  private readonly open = new Map<string, Observation>();

  constructor(private readonly flushSpans: () => Promise<void>) {}

  async onTraceStart(trace: Trace): Promise<void> {
    const metadata = trace.metadata;
    const jobId = jobIdOf(metadata, trace.groupId);
    // A job's traces, from whichever Lambda, share one Langfuse trace id; the parent span id is a stand-in.
    const parentSpanContext: SpanContext | undefined =
      jobId === undefined
        ? undefined
        : {
            traceId: langfuseTraceIdForJob(jobId),
            spanId: sha256(`job:${jobId}`).slice(0, 16),
            traceFlags: TraceFlags.SAMPLED,
            isRemote: true,
          };
    const isAgentTrace = typeof metadata?.agent === 'string';
    const observation = startObservation(
      trace.name,
      isAgentTrace ? 'agent' : 'span',
      { metadata: { ...metadata, sdk_trace_id: trace.traceId } },
      parentSpanContext,
    );
    observation.span.setAttributes(linkAttributes(metadata, jobId));
    if (isAgentTrace) observation.agent = String(metadata?.agent);
    if (!isAgentTrace) {
      observation.span.setAttributes({
        [LangfuseOtelSpanAttributes.TRACE_NAME]: trace.name,
        ...Object.fromEntries(
          Object.entries(metadata ?? {}).map(([key, value]) => [
            `${LangfuseOtelSpanAttributes.TRACE_METADATA}.${key}`,
            typeof value === 'string' ? value : JSON.stringify(value),
          ]),
        ),
      });
    }
    this.open.set(trace.traceId, observation);
  }

  async onTraceEnd(trace: Trace): Promise<void> {
    this.open.get(trace.traceId)?.span.end();
    this.open.delete(trace.traceId);
  }

  async onSpanStart(span: AnySpan): Promise<void> {
    const parent = this.open.get(span.parentId ?? span.traceId) ?? this.open.get(span.traceId);
    const data = span.spanData;
    const observation = startObservation(
      observationName(data),
      observationType(data),
      {
        metadata: spanMetadata(data),
        ...(data.type === 'generation' && data.model ? { model: data.model } : {}),
      },
      parent?.span.spanContext(),
      span.startedAt === null ? undefined : new Date(span.startedAt),
    );
    observation.span.setAttributes(linkAttributes(span.traceMetadata, jobIdOf(span.traceMetadata)));
    const agent = agentOf(data) ?? parent?.agent ?? (data.type === 'agent' ? data.name : undefined);
    if (agent !== undefined) {
      observation.agent = agent;
      observation.span.setAttribute(`${LangfuseOtelSpanAttributes.OBSERVATION_METADATA}.agent`, agent);
    }
    this.open.set(span.spanId, observation);
  }

  async onSpanEnd(span: AnySpan): Promise<void> {
    const observation = this.open.get(span.spanId);
    if (observation === undefined) return;
    this.open.delete(span.spanId);
    const data = span.spanData;
    if (data.type === 'function') {
      update(observation, { input: parseMaybeJson(data.input), output: parseMaybeJson(data.output) });
    }
    if (data.type === 'generation') {
      const input = data.usage?.input_tokens ?? 0;
      const output = data.usage?.output_tokens ?? 0;
      const cost = data.model === undefined ? undefined : generationCost(data.model, input, output);
      update(observation, {
        ...(data.model === undefined ? {} : { model: data.model }),
        ...(data.input === undefined ? {} : { input: data.input }),
        ...(data.output === undefined ? {} : { output: data.output }),
        usageDetails: { input, output, total: input + output },
        ...(cost === undefined
          ? {}
          : {
              costDetails: { ...cost },
              metadata: { prices_as_of: MODEL_PRICES_AS_OF, cost_usd: cost.total },
            }),
      });
    }
    if (data.type !== 'custom' && data.type !== 'function' && data.type !== 'generation') {
      update(observation, { metadata: spanMetadata(data) });
    }
    if (span.error !== null) {
      update(observation, { level: 'ERROR', statusMessage: span.error.message });
      observation.span.setStatus({ code: SpanStatusCode.ERROR, message: span.error.message });
      // A failed job or agent marks its whole trace, so Langfuse lists the trace as an error.
      const root = this.open.get(span.traceId);
      if (data.type === 'custom' && data.data.fails_trace === true && root !== undefined) {
        update(root, { level: 'ERROR', statusMessage: span.error.message });
        root.span.setStatus({ code: SpanStatusCode.ERROR, message: span.error.message });
      }
    }
    observation.span.end(span.endedAt === null ? undefined : new Date(span.endedAt));
  }

  async shutdown(): Promise<void> {
    await this.flushSpans();
  }

  async forceFlush(): Promise<void> {
    await this.flushSpans();
  }
}
