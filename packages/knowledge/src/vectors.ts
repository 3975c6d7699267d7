import { EmbeddingError } from './ports.ts';

/** `vector` scaled to length 1; an all-zero vector is returned unchanged (it matches nothing). */
export function normalise(vector: readonly number[]): number[] {
  let sum = 0;
  for (const x of vector) sum += x * x;
  const length = Math.sqrt(sum);
  return length === 0 ? [...vector] : vector.map((x) => x / length);
}

/** Cosine similarity of two equally long vectors; 0 when either is all zeros. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Element-wise mean of equally long rows (mean pooling of token vectors into one sentence vector). */
export function meanPool(rows: readonly (readonly number[])[]): number[] {
  const first = rows[0];
  if (first === undefined) throw new EmbeddingError('Cannot mean-pool zero token vectors');
  const sum = new Array<number>(first.length).fill(0);
  for (const row of rows) {
    if (row.length !== first.length)
      throw new EmbeddingError('Token vectors differ in length', {
        expected: first.length,
        received: row.length,
      });
    for (let i = 0; i < row.length; i += 1) sum[i] = (sum[i] ?? 0) + (row[i] ?? 0);
  }
  return sum.map((x) => x / rows.length);
}

/** Checks a vector's width and that every entry is a finite number. */
export function assertVector(value: unknown, dimensions: number): asserts value is number[] {
  if (!Array.isArray(value) || !value.every((x) => typeof x === 'number' && Number.isFinite(x)))
    throw new EmbeddingError('Embedding is not a list of finite numbers');
  if (value.length !== dimensions)
    throw new EmbeddingError(`Embedding has ${value.length} dimensions, expected ${dimensions}`, {
      expected: dimensions,
      received: value.length,
    });
}
