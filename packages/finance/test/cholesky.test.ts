import { describe, expect, it } from 'vitest';
import { cholesky, DEFAULT_ASSUMPTIONS, InvalidInputError } from '../src/index.ts';

describe('cholesky', () => {
  it('factors the default correlation matrix so that L·Lᵀ gives it back', () => {
    // Prepare
    const matrix = DEFAULT_ASSUMPTIONS.correlations;
    const n = matrix.length;

    // Act
    const lower = cholesky(matrix);

    // Assess
    for (let row = 0; row < n; row += 1) {
      for (let col = 0; col < n; col += 1) {
        let product = 0;
        for (let k = 0; k < n; k += 1) product += (lower[row * n + k] ?? 0) * (lower[col * n + k] ?? 0);
        expect(product).toBeCloseTo(matrix[row]?.[col] ?? Number.NaN, 12);
      }
    }
  });

  it('rejects a matrix that is not positive definite', () => {
    // Act
    const factor = () =>
      cholesky([
        [1, 0.9, -0.9],
        [0.9, 1, 0.9],
        [-0.9, 0.9, 1],
      ]);

    // Assess
    expect(factor).toThrow(InvalidInputError);
  });
});
