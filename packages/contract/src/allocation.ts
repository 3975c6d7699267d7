import { z } from 'zod';

/** How far from 100 an allocation map may sum (rounding in published fund data). */
export const ALLOCATION_TOLERANCE = 0.05;

/** Sum of an allocation map's percentages. */
export function allocationSum(map: Readonly<Record<string, number | undefined>>): number {
  let sum = 0;
  for (const value of Object.values(map)) sum += value ?? 0;
  return sum;
}

/**
 * An allocation map over the keys of `key`: non-empty, every percentage in 0–100, summing to 100
 * (±{@link ALLOCATION_TOLERANCE}). The error names the map and the sum it found.
 */
export function allocationMap<K extends string>(
  key: z.ZodEnum<Record<K, K>>,
  mapName: string,
  description: string,
) {
  return z
    .partialRecord(key, z.number().min(0).max(100))
    .describe(
      `${description}. Percentages (0-100) keyed by ${mapName.replace('allocation_', '')}; they must sum to 100.`,
    )
    .superRefine((map, ctx) => {
      const keys = Object.keys(map);
      if (keys.length === 0) {
        ctx.addIssue({ code: 'custom', message: `${mapName} must not be empty` });
        return;
      }
      const sum = allocationSum(map as Record<string, number>);
      if (Math.abs(sum - 100) > ALLOCATION_TOLERANCE) {
        ctx.addIssue({
          code: 'custom',
          message: `${mapName} must sum to 100 (±${ALLOCATION_TOLERANCE}), got ${Number(sum.toFixed(4))}`,
        });
      }
    });
}
