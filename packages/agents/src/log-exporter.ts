import type { Logger } from '@alex/core';
import { LangfuseOtelSpanAttributes } from '@langfuse/tracing';
import { type ExportResult, ExportResultCode, hrTimeToMilliseconds } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

const OBSERVATION_METADATA = `${LangfuseOtelSpanAttributes.OBSERVATION_METADATA}.`;
const TRACE_METADATA = `${LangfuseOtelSpanAttributes.TRACE_METADATA}.`;

/** A metadata attribute back to its value: Langfuse stores non-strings as JSON. */
function metadataValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** One span as one log line's fields: ids, kind, timing, and the job/agent keys every line carries. */
export function spanLogFields(span: ReadableSpan): Record<string, unknown> {
  const attributes = span.attributes;
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (key.startsWith(OBSERVATION_METADATA))
      metadata[key.slice(OBSERVATION_METADATA.length)] = metadataValue(value);
    if (key.startsWith(TRACE_METADATA)) metadata[key.slice(TRACE_METADATA.length)] ??= metadataValue(value);
  }
  const usage = attributes[LangfuseOtelSpanAttributes.OBSERVATION_USAGE_DETAILS];
  const level = attributes[LangfuseOtelSpanAttributes.OBSERVATION_LEVEL];
  return {
    job_id: metadata.job_id,
    agent: metadata.agent,
    user_id: attributes[LangfuseOtelSpanAttributes.TRACE_USER_ID],
    span: span.name,
    span_type: attributes[LangfuseOtelSpanAttributes.OBSERVATION_TYPE],
    trace_id: span.spanContext().traceId,
    span_id: span.spanContext().spanId,
    parent_span_id: span.parentSpanContext?.spanId,
    duration_ms: Math.round(hrTimeToMilliseconds(span.duration)),
    model: attributes[LangfuseOtelSpanAttributes.OBSERVATION_MODEL],
    usage: typeof usage === 'string' ? metadataValue(usage) : undefined,
    error: level === 'ERROR' ? attributes[LangfuseOtelSpanAttributes.OBSERVATION_STATUS_MESSAGE] : undefined,
    metadata,
  };
}

/**
 * Where spans go when no Langfuse keys are set: one structured log line per finished span. Tool inputs and
 * outputs and model text are left out (they hold users' portfolio data); names, timing and usage stay.
 */
export class LogSpanExporter implements SpanExporter {
  constructor(private readonly logger: Logger) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    for (const span of spans) {
      const fields = Object.fromEntries(
        Object.entries(spanLogFields(span)).filter(([, v]) => v !== undefined),
      );
      this.logger.info('trace span', fields);
    }
    resultCallback({ code: ExportResultCode.SUCCESS });
  }

  async shutdown(): Promise<void> {}

  async forceFlush(): Promise<void> {}
}
