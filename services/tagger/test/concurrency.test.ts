import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from '../src/concurrency.ts';

/** A promise and the function that resolves it. */
function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('mapWithConcurrency', () => {
  it('starts no more than the limit, and the next one as soon as one finishes', async () => {
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    const mapping = mapWithConcurrency(gates, 3, async (gate, index) => {
      started.push(index);
      await gate.promise;
      return index * 10;
    });

    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[1]?.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const gate of gates) gate.resolve();

    expect(await mapping).toEqual([0, 10, 20, 30, 40]);
  });

  it('returns an empty list for no items', async () => {
    expect(await mapWithConcurrency([], 3, async () => 1)).toEqual([]);
  });
});
