import { type Logger, envValue as read } from '@alex/core';
import { LangfuseSpanProcessor } from '@langfuse/otel';
import { setLangfuseTracerProvider } from '@langfuse/tracing';
import {
  getCurrentTrace,
  setTraceProcessors,
  setTracingDisabled,
  withCustomSpan,
  withTrace,
} from '@openai/agents';
import {
  BasicTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { LangfuseTraceProcessor } from './langfuse-processor.ts';
import { LogSpanExporter } from './log-exporter.ts';

/** The invocation's tracing: flush before the Lambda returns, shut down when the process ends. */
export interface Tracing {
  /** Where spans go: 'langfuse', or 'log' when no Langfuse keys are set. */
  readonly destination: 'langfuse' | 'log';
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

let active: Tracing | undefined;

/** Langfuse when both keys are set (exporting each span as it ends, as suits Lambda), else the log. */
function spanProcessorFor(
  env: Readonly<Record<string, string | undefined>>,
  logger: Logger,
  exporter: SpanExporter | undefined,
): { destination: Tracing['destination']; processor: SpanProcessor } {
  const publicKey = read(env, 'LANGFUSE_PUBLIC_KEY');
  const secretKey = read(env, 'LANGFUSE_SECRET_KEY');
  if (publicKey === undefined || secretKey === undefined) {
    return {
      destination: 'log',
      processor: new SimpleSpanProcessor(exporter ?? new LogSpanExporter(logger)),
    };
  }
  const baseUrl = read(env, 'LANGFUSE_BASE_URL') ?? read(env, 'LANGFUSE_HOST');
  const environment = read(env, 'LANGFUSE_TRACING_ENVIRONMENT');
  const processor = new LangfuseSpanProcessor({
    publicKey,
    secretKey,
    exportMode: 'immediate',
    mediaUploadEnabled: false,
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(environment === undefined ? {} : { environment }),
    ...(exporter === undefined ? {} : { exporter }),
  });
  return { destination: 'langfuse', processor };
}

/**
 * Sends Agents SDK traces to Langfuse when LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY (and optionally
 * LANGFUSE_BASE_URL or LANGFUSE_HOST) are set, else to `logger`; replaces the SDK's OpenAI exporter so
 * nothing is sent to OpenAI. Idempotent: later calls return the first configuration until it is shut down.
 */
export function configureTracing(
  env: Readonly<Record<string, string | undefined>>,
  logger: Logger,
  options: { exporter?: SpanExporter } = {},
): Tracing {
  if (active !== undefined) return active;
  const { destination, processor } = spanProcessorFor(env, logger, options.exporter);
  const provider = new BasicTracerProvider({ spanProcessors: [processor] });
  // Our own provider, not the global one: nothing else in the process has its spans sent to Langfuse.
  setLangfuseTracerProvider(provider);
  const flush = async () => {
    try {
      await provider.forceFlush();
    } catch (err: unknown) {
      logger.warn('trace export failed', { error: err instanceof Error ? err : String(err) });
    }
  };
  setTraceProcessors([new LangfuseTraceProcessor(flush)]);
  setTracingDisabled(false);
  const tracing: Tracing = {
    destination,
    flush,
    async shutdown() {
      if (active === tracing) active = undefined;
      setTraceProcessors([]);
      await flush();
      await provider.shutdown();
      setLangfuseTracerProvider(null);
    },
  };
  active = tracing;
  logger.debug('tracing configured', { destination });
  return tracing;
}

/**
 * Drops the Agents SDK's default exporter (to OpenAI's trace API) unless configureTracing has already
 * installed ours: Alex has no OpenAI key, and nothing should try to reach OpenAI.
 */
export function turnOffOpenAiTraceExport(): void {
  if (active === undefined) setTraceProcessors([]);
}

/**
 * Runs `work` in an Agents SDK trace named `name` carrying `metadata` (job_id, user_id, decisions …), so
 * agent runs inside nest under it. Inside an existing trace (an agent called in-process by the planner) it
 * opens a span instead. Metadata with `agent` marks an agent's part of a job; without it, the job itself.
 */
export async function withJobTrace<T>(
  name: string,
  metadata: Record<string, unknown>,
  work: () => Promise<T>,
): Promise<T> {
  // Nested, the SDK marks the custom span as an error with the cause itself.
  if (getCurrentTrace() !== null) return withCustomSpan(() => work(), { data: { name, data: metadata } });
  const jobId = metadata.job_id;
  // The SDK's withTrace does not end a trace whose function throws (it would never reach Langfuse):
  // the failure is caught inside, recorded with its cause, and rethrown once the trace has ended.
  const guarded = async (): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> => {
    try {
      return { ok: true, value: await work() };
    } catch (error: unknown) {
      await recordJobError(`${name} failed`, error instanceof Error ? error.message : String(error), {
        failsTrace: true,
      });
      return { ok: false, error };
    }
  };
  const outcome = await withTrace(name, guarded, {
    metadata,
    ...(typeof jobId === 'string' && jobId !== '' ? { groupId: jobId } : {}),
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/** Records a point-in-time decision (e.g. "missing data for X, Y → tagger") inside the current job trace. */
export async function recordJobEvent(name: string, data: Record<string, unknown>): Promise<void> {
  if (getCurrentTrace() === null) return;
  await withCustomSpan(async () => {}, { data: { name, data: { ...data, event: true } } });
}

/**
 * Records a failure as an error event carrying its cause (Langfuse level ERROR, status message =
 * `message`). With `failsTrace`, the job's trace itself is marked as an error too (a failed job).
 */
export async function recordJobError(
  name: string,
  message: string,
  options: { failsTrace?: boolean; data?: Record<string, unknown> } = {},
): Promise<void> {
  if (getCurrentTrace() === null) return;
  await withCustomSpan(
    async (span) => {
      span.setError({ message });
    },
    {
      data: {
        name,
        data: {
          ...options.data,
          error: message,
          event: true,
          ...(options.failsTrace ? { fails_trace: true } : {}),
        },
      },
    },
  );
}
