import { describe, expect, it } from 'vitest';
import { createNormal, createUniform, seedFromText } from '../src/index.ts';

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
