import { describe, expect, it } from 'vitest';
import {
  cholesky,
  createNormal,
  createUniform,
  DEFAULT_ASSUMPTIONS,
  fillNormals,
  seedFromText,
  seedStream,
  zigguratTables,
} from '../src/index.ts';

const draw = (next: () => number, count: number) => Array.from({ length: count }, next);

describe('random', () => {
  it('repeats the same sequence for the same seed', () => {
    // Act
    const first = draw(createUniform(42), 5);
    const second = draw(createUniform(42), 5);

    // Assess
    expect(second).toEqual(first);
  });

  it('gives a different sequence for a different seed', () => {
    // Act
    const first = draw(createUniform(1), 5);
    const second = draw(createUniform(2), 5);

    // Assess
    expect(second).not.toEqual(first);
  });

  it('keeps uniforms strictly between 0 and 1', () => {
    // Act
    const values = draw(createUniform(7), 10_000);

    // Assess
    expect(values.every((value) => value > 0 && value < 1)).toBe(true);
  });

  it('draws normals with mean near 0 and variance near 1', () => {
    // Prepare
    const normal = createNormal(createUniform(3));

    // Act
    const values = draw(normal, 100_000);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;

    // Assess
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
  });

  it('derives the same seed from the same job id', () => {
    // Act
    const seeds = [seedFromText('job-1'), seedFromText('job-1'), seedFromText('job-2')];

    // Assess
    expect(seeds[1]).toBe(seeds[0]);
    expect(seeds[2]).not.toBe(seeds[0]);
  });
});

/** `count` fast normals from stream `stream` of `seed`, drawn in blocks like the kernel's chunks. */
function fastNormals(seed: number, stream: number, count: number): Float64Array {
  const state = new Uint32Array(4);
  seedStream(seed, stream, state);
  const tables = zigguratTables(4096);
  const out = new Float64Array(count);
  for (let start = 0; start < count; start += 4096) {
    const block = out.subarray(start, Math.min(count, start + 4096));
    fillNormals(state, tables, block, block.length);
  }
  return out;
}

function moments(values: ArrayLike<number>) {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i += 1) mean += (values[i] ?? 0) / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i += 1) {
    const d = (values[i] ?? 0) - mean;
    m2 += (d * d) / n;
    m3 += (d * d * d) / n;
    m4 += (d * d * d * d) / n;
  }
  return { mean, variance: m2, skewness: m3 / m2 ** 1.5, kurtosis: m4 / (m2 * m2) };
}

function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i += 1) {
    mx += (x[i] ?? 0) / n;
    my += (y[i] ?? 0) / n;
  }
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (x[i] ?? 0) - mx;
    const dy = (y[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const N = 1_000_000;
// Standard errors for N draws: mean 1/√N = 0.001, variance √(2/N) ≈ 0.0014, skewness √(6/N) ≈ 0.0024,
// kurtosis √(24/N) ≈ 0.0049, a correlation 1/√N = 0.001. Bounds are five standard errors.
describe('fast normals (ziggurat on sfc32)', () => {
  it('starts stream 0 exactly where createUniform starts for the same seed', () => {
    // Prepare
    const state = new Uint32Array(4);
    seedStream(42, 0, state);

    // Act
    const [a = 0, b = 0, , d = 0] = state;
    const first = (((((a + b) >>> 0) + d) >>> 0) + 0.5) / 4294967296;

    // Assess
    expect(first).toBe(createUniform(42)());
  });

  it('draws mean 0, variance 1, skewness 0 and kurtosis 3 within sampling error', () => {
    // Act
    const { mean, variance, skewness, kurtosis } = moments(fastNormals(7, 0, N));

    // Assess
    expect(Math.abs(mean)).toBeLessThan(0.005);
    expect(Math.abs(variance - 1)).toBeLessThan(0.007);
    expect(Math.abs(skewness)).toBeLessThan(0.012);
    expect(Math.abs(kurtosis - 3)).toBeLessThan(0.025);
  });

  it('puts the right mass in the tails, beyond the ziggurat base layer (3.65) included', () => {
    // Prepare
    const values = fastNormals(11, 3, N);
    const share = (test: (z: number) => boolean) => values.filter(test).length / N;

    // Act
    const beyond1 = share((z) => Math.abs(z) > 1);
    const beyond2 = share((z) => Math.abs(z) > 2);
    const beyond3 = share((z) => Math.abs(z) > 3);
    const beyondR = share((z) => Math.abs(z) > 3.7);

    // Assess: normal tail masses, ± five binomial standard errors
    const within = (p: number, q: number) =>
      expect(Math.abs(p - q)).toBeLessThan(5 * Math.sqrt((q * (1 - q)) / N));
    within(beyond1, 0.317310508);
    within(beyond2, 0.045500264);
    within(beyond3, 0.002699796);
    within(beyondR, 0.000215599);
  });

  it('refuses to fill more normals than its tables have room for', () => {
    // Prepare
    const state = new Uint32Array(4);
    seedStream(1, 0, state);
    const tables = zigguratTables(100);

    // Act
    const fill = () => fillNormals(state, tables, new Float64Array(101), 101);

    // Assess
    expect(fill).toThrow(RangeError);
  });

  it('draws successive values and separate streams without correlation', () => {
    // Prepare
    const first = fastNormals(5, 0, N);
    const second = fastNormals(5, 1, N);

    // Act
    const lag1 = correlation(first.subarray(0, N - 1), first.subarray(1));
    const across = correlation(first, second);

    // Assess
    expect(Math.abs(lag1)).toBeLessThan(0.005);
    expect(Math.abs(across)).toBeLessThan(0.005);
  });

  it('gives per-class returns with the assumed means, volatilities and correlations through Cholesky', () => {
    // Prepare: equity, fixed income and real estate, correlated through the assumptions' matrix
    const classes = ['equity', 'fixed_income', 'real_estate'] as const;
    const rows = [0, 1, 2];
    const matrix = rows.map((r) => rows.map((c) => DEFAULT_ASSUMPTIONS.correlations[r]?.[c] ?? 0));
    const lower = cholesky(matrix);
    const count = 400_000;
    const z = rows.map((row) => fastNormals(9, row, count));

    // Act
    const returns = classes.map((key, i) => {
      const { mean, volatility } = DEFAULT_ASSUMPTIONS.returns[key];
      return Float64Array.from({ length: count }, (_, path) => {
        let shock = 0;
        for (let k = 0; k <= i; k += 1) shock += (lower[i * 3 + k] ?? 0) * (z[k]?.[path] ?? 0);
        return mean + volatility * shock;
      });
    });

    // Assess: means within 5 σ/√n, volatilities within 5·σ/√(2n), correlations within 5/√n
    classes.forEach((key, i) => {
      const { mean, volatility } = DEFAULT_ASSUMPTIONS.returns[key];
      const observed = moments(returns[i] ?? []);
      expect(Math.abs(observed.mean - mean)).toBeLessThan((5 * volatility) / Math.sqrt(count));
      expect(Math.abs(Math.sqrt(observed.variance) - volatility)).toBeLessThan(
        (5 * volatility) / Math.sqrt(2 * count),
      );
      rows.forEach((j) => {
        if (j <= i) return;
        const rho = correlation(returns[i] ?? [], returns[j] ?? []);
        expect(Math.abs(rho - (matrix[i]?.[j] ?? 0))).toBeLessThan(5 / Math.sqrt(count));
      });
    });
  });
});
