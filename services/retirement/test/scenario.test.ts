import type { RetirementInputs } from '@alex/analysis';
import { runMonteCarlo } from '@alex/finance';
import { describe, expect, it } from 'vitest';
import { offlineWhatIf } from '../src/offline.ts';
import { runWhatIf, summarise } from '../src/scenario.ts';

const inputs: RetirementInputs = {
  currentValue: 500_000,
  annualContribution: 10_000,
  yearsToRetirement: 20,
  targetIncome: 40_000,
  allocation: { equity: 60, fixed_income: 40 },
  seed: 42,
  paths: 2_000,
  unclassifiedValue: 0,
  currentAge: null,
  notes: ['Annual contribution of $10,000 assumed until retirement.'],
};

describe('what-ifs', () => {
  it('changes only the given input and reports it against the baseline value', () => {
    const whatIf = runWhatIf(inputs, { annual_contribution: 15_000 });

    expect(whatIf.scenario).toBe('what-if');
    expect(whatIf.changed).toEqual({ annual_contribution: { from: 10_000, to: 15_000 } });
    expect(whatIf.inputs).toMatchObject({ target_income_today: 40_000, years_until_retirement: 20 });
    expect(whatIf.notes).toEqual(inputs.notes);
  });

  it('uses the same seeded paths as the baseline, so saving more never lowers the success rate', () => {
    const baseline = summarise(inputs, runMonteCarlo(inputs));

    const whatIf = runWhatIf(inputs, { annual_contribution: 15_000 });

    expect(whatIf.success_rate).toBeGreaterThanOrEqual(baseline.success_rate);
    expect(whatIf.sustainable_income_today).toBeGreaterThan(baseline.sustainable_income_today);
  });

  it('tries saving $5,000 more when the plan falls short, and retiring 3 years earlier when it is on track', () => {
    const short = summarise(
      { ...inputs, targetIncome: 200_000 },
      runMonteCarlo({ ...inputs, targetIncome: 200_000 }),
    );
    const onTrack = summarise(
      { ...inputs, targetIncome: 10_000 },
      runMonteCarlo({ ...inputs, targetIncome: 10_000 }),
    );

    expect(offlineWhatIf(short)).toEqual({ annual_contribution: 15_000 });
    expect(offlineWhatIf(onTrack)).toEqual({ years_until_retirement: 17 });
  });

  it('tries retiring 3 years later when the plan falls short with under five years to go', () => {
    const near = { ...inputs, yearsToRetirement: 2, targetIncome: 200_000 };

    expect(offlineWhatIf(summarise(near, runMonteCarlo(near)))).toEqual({ years_until_retirement: 5 });
  });
});
