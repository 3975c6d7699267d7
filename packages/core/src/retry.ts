/** How to retry transient failures (throttling, a database waking up, a busy model). */
export interface RetryPolicy {
  /** Total tries, the first included. */
  maxAttempts: number;
  /** Delay before the first retry; doubles each time up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** 0 ≤ random() < 1; injectable for tests. */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Long enough to ride out Aurora resuming from auto-pause (about 15–30 s): 10 tries, delays from
 * 0.25 s doubling to a 10 s cap, with jitter.
 */
export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 10,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A classifier of errors worth retrying, by error name, HTTP 429/503, or a dropped connection.
 * Each caller names its own transient errors (SQL errors, say, are never among them).
 */
export function transientByName(names: readonly string[]): (err: unknown) => boolean {
  const transient = new Set(names);
  return (err) => {
    if (typeof err !== 'object' || err === null) return false;
    const e = err as {
      name?: unknown;
      $metadata?: { httpStatusCode?: number };
      statusCode?: unknown;
      code?: unknown;
    };
    if (typeof e.name === 'string' && transient.has(e.name)) return true;
    const status = e.$metadata?.httpStatusCode ?? e.statusCode;
    if (status === 429 || status === 503) return true;
    return (
      typeof e.code === 'string' && ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT'].includes(e.code)
    );
  };
}

/** Delay before retry number `retry` (1-based): half fixed, half random ("equal jitter"). */
export function backoffDelay(retry: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return ceiling / 2 + policy.random() * (ceiling / 2);
}

/** Runs `work`, retrying failures `isTransient` accepts, with exponential backoff and jitter. */
export async function withRetry<T>(
  work: () => Promise<T>,
  isTransient: (err: unknown) => boolean,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (err: unknown) {
      if (attempt >= policy.maxAttempts || !isTransient(err)) throw err;
      await policy.sleep(backoffDelay(attempt, policy));
    }
  }
}
