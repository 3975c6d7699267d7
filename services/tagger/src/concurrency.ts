/**
 * Maps `items` through `work` with at most `limit` calls in flight, keeping the input order in the
 * results. `work` should not reject: one rejection rejects the whole map, as with Promise.all.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T, index);
    }
  };
  const workers = Math.max(1, Math.min(Math.trunc(limit), items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
