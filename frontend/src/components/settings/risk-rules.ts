import type { RiskCheck, RiskRulesUpdate } from '@alex/contract';
import { readNumber } from '../../lib/number-input.ts';

/** One rule as edited: its switch and its threshold as typed. */
export interface RuleInput {
  enabled: boolean;
  threshold: string;
}

/** The form's state from the API's checks. */
export function toRuleInputs(checks: readonly RiskCheck[]): Record<string, RuleInput> {
  return Object.fromEntries(
    checks.map((c) => [c.id, { enabled: c.enabled, threshold: String(c.threshold) }]),
  );
}

/** A threshold as typed, read leniently ("25", "25%", " 7.5 "), or null when it is not a number. */
export function parseThreshold(text: string): number | null {
  const reading = readNumber(text.replace(/\s*(pts?|points?)\s*$/i, ''), { percent: true });
  return reading.ok && !reading.value.startsWith('-') ? Number(reading.value) : null;
}

/** The problem with a threshold for its rule, or null. */
export function thresholdError(
  text: string,
  rule: Pick<RiskCheck, 'min' | 'max' | 'integer'>,
): string | null {
  const value = parseThreshold(text);
  if (value === null) return 'Enter a number.';
  if (value < rule.min || value > rule.max) return `Enter a value from ${rule.min} to ${rule.max}.`;
  if (rule.integer && !Number.isInteger(value)) return 'Enter a whole number.';
  return null;
}

/** The update the API takes: every rule's switch and threshold. */
export function toUpdate(inputs: Record<string, RuleInput>): RiskRulesUpdate {
  const update: Record<string, { enabled: boolean; threshold: number }> = {};
  for (const [id, input] of Object.entries(inputs)) {
    const threshold = parseThreshold(input.threshold);
    if (threshold !== null) update[id] = { enabled: input.enabled, threshold };
  }
  return update as RiskRulesUpdate;
}

/** The unit a threshold is typed in, as a label suffix. */
export function unitLabel(unit: RiskCheck['unit']): string {
  return unit === 'percent' ? '%' : unit === 'points' ? 'points' : 'holdings';
}
