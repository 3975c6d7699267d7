import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, transientByName, withRetry } from '../src/retry.ts';

describe('withRetry', () => {
  const policy = { ...DEFAULT_RETRY, maxAttempts: 3, sleep: async () => {} };

  it('retries only what the classifier accepts', async () => {
    let calls = 0;
    const isTransient = transientByName(['Busy']);
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw Object.assign(new Error('busy'), { name: 'Busy' });
        return 'done';
      },
      isTransient,
      policy,
    );
    expect([result, calls]).toEqual(['done', 3]);
    calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw new Error('fatal');
        },
        isTransient,
        policy,
      ),
    ).rejects.toThrow('fatal');
    expect(calls).toBe(1);
  });

  it('treats HTTP 429 and 503 and dropped connections as transient', () => {
    const isTransient = transientByName([]);
    expect(isTransient({ $metadata: { httpStatusCode: 429 } })).toBe(true);
    expect(isTransient({ statusCode: 503 })).toBe(true);
    expect(isTransient({ code: 'ECONNRESET' })).toBe(true);
    expect(isTransient({ $metadata: { httpStatusCode: 400 } })).toBe(false);
    expect(isTransient('nope')).toBe(false);
  });
});
