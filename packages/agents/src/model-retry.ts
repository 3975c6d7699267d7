import { backoffDelay, DEFAULT_RETRY, type RetryPolicy, transientByName, withRetry } from '@alex/core';
import type {
  Model,
  ModelRequest,
  ModelResponse,
  ModelRetryAdviceRequest,
  StreamEvent,
} from '@openai/agents';

/**
 * Bedrock throttles per account and model; a report is worth a short wait. Six tries from 1 s doubling to
 * a 20 s cap keep the worst case (about a minute) well inside an agent Lambda's timeout.
 */
export const MODEL_RETRY: RetryPolicy = {
  ...DEFAULT_RETRY,
  maxAttempts: 6,
  baseDelayMs: 1_000,
  maxDelayMs: 20_000,
};

/** Model errors worth another try: Bedrock throttling or overload by name, or HTTP 429/503 from any model. */
export const isModelThrottling: (err: unknown) => boolean = transientByName([
  'ThrottlingException',
  'TooManyRequestsException',
  'ServiceUnavailableException',
  'ModelNotReadyException',
]);

const RETRYABLE_STATUS = new Set([408, 429, 500, 503]);
const CONNECTION_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET']);

/** True when `err` or an error in its `cause` chain is a dropped or refused connection. */
function isConnectionError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; typeof e === 'object' && e !== null && depth < 5; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Model errors worth another try: throttling by name, whatever the AI SDK marks `isRetryable` (408, 409,
 * 429, 5xx, failed fetches), HTTP 408/429/500/503 from any model, and dropped or refused connections.
 */
export function isModelRetryable(err: unknown): boolean {
  if (isModelThrottling(err) || isConnectionError(err)) return true;
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { isRetryable?: unknown; statusCode?: unknown };
  return e.isRetryable === true || (typeof e.statusCode === 'number' && RETRYABLE_STATUS.has(e.statusCode));
}

/** Wraps a Model so transient errors (`isModelRetryable`) are retried with exponential backoff and jitter. */
export class RetryingModel implements Model {
  private readonly policy: RetryPolicy;

  constructor(
    private readonly inner: Model,
    policy: Partial<RetryPolicy> = {},
  ) {
    this.policy = { ...MODEL_RETRY, ...policy };
  }

  getResponse(request: ModelRequest): Promise<ModelResponse> {
    return withRetry(() => this.inner.getResponse(request), isModelRetryable, this.policy);
  }

  /** Retries only while nothing has been streamed yet: a half-streamed answer cannot be taken back. */
  async *getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    for (let attempt = 1; ; attempt += 1) {
      let started = false;
      try {
        for await (const event of this.inner.getStreamedResponse(request)) {
          started = true;
          yield event;
        }
        return;
      } catch (err: unknown) {
        if (started || attempt >= this.policy.maxAttempts || !isModelRetryable(err)) throw err;
        await this.policy.sleep(backoffDelay(attempt, this.policy));
      }
    }
  }

  getRetryAdvice(args: ModelRetryAdviceRequest) {
    return this.inner.getRetryAdvice?.(args);
  }
}
