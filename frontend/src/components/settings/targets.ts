import { readNumber } from '../../lib/number-input.ts';
import type { AllocationMap } from '../../lib/portfolio.ts';
import { humanize } from '../format.ts';

/** A target as typed ("60", "60%", " 12.5 "), or null when it is not a number from 0 up. */
function percentOf(text: string): number | null {
  const reading = readNumber(text, { percent: true });
  return reading.ok && !reading.value.startsWith('-') ? Number(reading.value) : null;
}

/** How far from 100 a set of targets may sum, as at the API. */
export const TARGET_TOLERANCE = 0.05;

/** Targets as typed: one text per key. */
export type TargetInputs = Record<string, string>;

/** The stored map as form text, one entry per allowed key ('' for none). */
export function toInputs(keys: readonly string[], map: AllocationMap): TargetInputs {
  return Object.fromEntries(keys.map((key) => [key, map[key] === undefined ? '' : String(map[key])]));
}

/** Each entry's problem (not a number, or outside 0–100), keyed by entry. */
export function entryErrors(inputs: TargetInputs): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [key, text] of Object.entries(inputs)) {
    if (text.trim() === '') continue;
    const value = percentOf(text);
    if (value === null) errors[key] = 'Enter a number, such as 60 or 60%.';
    else if (value > 100) errors[key] = 'At most 100.';
  }
  return errors;
}

/** The live total of the entries, rounded to 2 places so 33.33 × 3 reads 99.99. */
export function targetTotal(inputs: TargetInputs): number {
  let hundredths = 0;
  for (const text of Object.values(inputs)) {
    const value = text.trim() === '' ? null : percentOf(text);
    if (value !== null) hundredths += Math.round(value * 100);
  }
  return hundredths / 100;
}

/** The error for the whole set, or null when it sums to 100. */
export function totalError(inputs: TargetInputs): string | null {
  const total = targetTotal(inputs);
  if (Math.abs(total - 100) > TARGET_TOLERANCE) return `Targets must add up to 100% (now ${total}%).`;
  return null;
}

/** The map the API stores: only non-zero entries. */
export function toMap(inputs: TargetInputs): AllocationMap {
  const map: AllocationMap = {};
  for (const [key, text] of Object.entries(inputs)) {
    const value = text.trim() === '' ? null : percentOf(text);
    if (value !== null && value > 0) map[key] = value;
  }
  return map;
}

/** A region target's label: `international` is the rest of the world, not a region of its own. */
export function regionTargetLabel(key: string): string {
  return key === 'international' ? 'Everywhere else (international)' : humanize(key);
}

/** How region targets are read, shown where they are edited. */
export const REGION_TARGET_EXPLANATION =
  'Each fund counts by its own regional split (a world fund is mostly North America). "Everywhere else" takes every region you leave at 0, so no money is counted twice. Money in funds with no regional split (such as gold) is left out of the comparison and stated on the rebalance page.';
