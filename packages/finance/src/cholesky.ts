import { InvalidInputError } from './errors.ts';

/**
 * The lower-triangular Cholesky factor L of a symmetric positive-definite n×n matrix (L·Lᵀ = A),
 * row-major in a Float64Array, so correlated normals are `L · z` for independent normals z.
 */
export function cholesky(matrix: readonly (readonly number[])[]): Float64Array {
  const n = matrix.length;
  const lower = new Float64Array(n * n);
  for (let row = 0; row < n; row += 1) {
    for (let col = 0; col <= row; col += 1) {
      let sum = matrix[row]?.[col] ?? Number.NaN;
      for (let k = 0; k < col; k += 1) sum -= (lower[row * n + k] ?? 0) * (lower[col * n + k] ?? 0);
      if (row === col) {
        if (!(sum > 0)) throw new InvalidInputError('correlations', 'matrix is not positive definite');
        lower[row * n + col] = Math.sqrt(sum);
      } else {
        lower[row * n + col] = sum / (lower[col * n + col] ?? 1);
      }
    }
  }
  return lower;
}
