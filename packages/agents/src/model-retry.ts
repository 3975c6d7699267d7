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

/** Wraps a Model so throttling errors are retried with exponential backoff and jitter (`withRetry`). */
export class RetryingModel implements Model {
  private readonly policy: RetryPolicy;

  constructor(
    private readonly inner: Model,
    policy: Partial<RetryPolicy> = {},
  ) {
    this.policy = { ...MODEL_RETRY, ...policy };
  }

  getResponse(request: ModelRequest): Promise<ModelResponse> {
    return withRetry(() => this.inner.getResponse(request), isModelThrottling, this.policy);
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
        if (started || attempt >= this.policy.maxAttempts || !isModelThrottling(err)) throw err;
        await this.policy.sleep(backoffDelay(attempt, this.policy));
      }
    }
  }

  getRetryAdvice(args: ModelRetryAdviceRequest) {
    return this.inner.getRetryAdvice?.(args);
  }
}
