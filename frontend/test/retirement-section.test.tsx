import type { ProjectionPoint, RetirementFigures } from '@alex/contract';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RetirementSection } from '../src/components/report/retirement-section.tsx';
import { retirementFixture } from './fixtures.ts';

const FIGURES: RetirementFigures = {
  success_rate_percent: 89.99,
  verdict: 'borderline',
  target_income_today: 80_000,
  sustainable_income_today: 74_321,
  other_income_today: 24_000,
  annual_contribution_today: 15_000,
  contribution_rises_with_inflation: true,
  annual_fee_percent: 0.2,
  inflation_percent: 3,
  retirement_year: 2,
  retirement_age: 65,
  at_retirement_nominal: { p10: 900_000, p50: 1_200_000, p90: 1_700_000 },
  at_retirement_today: { p10: 848_336, p50: 1_131_115, p90: 1_602_413 },
  paths: 10_000,
  seed: 123,
  model_version: 'monte-carlo/4',
};

/** Years 0–3 of a projection whose retirement is at year 2 (age 65). */
const POINTS: ProjectionPoint[] = [0, 1, 2, 3].map((year) => ({
  year,
  age: 63 + year,
  phase: year <= 2 ? 'accumulation' : 'retirement',
  p10: 100 * (year + 1),
  p50: 1_000_000 + year * 100_000,
  p90: 300 * (year + 1),
  p10_today: 90 * (year + 1),
  p50_today: 900_000 + year * 10_000,
  p90_today: 280 * (year + 1),
}));

describe('RetirementSection', () => {
  it('names the unit of every headline figure and never rounds the chance up past the verdict', () => {
    // Act
    render(<RetirementSection retirement={retirementFixture({ figures: FIGURES })} />);

    // Assess
    expect(screen.getByText('Chance your target income lasts')).toBeTruthy();
    expect(screen.getByTestId('retirement-chance').textContent).toBe('89.9%');
    expect(screen.getByText('borderline')).toBeTruthy();
    expect(screen.getByText("Income that lasts in 9 of 10 markets (today's dollars)")).toBeTruthy();
    expect(screen.getByTestId('retirement-income').textContent).toBe('$74,321 a year');
    expect(screen.getByText("Median portfolio at age 65 (today's dollars)")).toBeTruthy();
    expect(screen.getByText('$1,200,000 in nominal dollars of that year')).toBeTruthy();
  });

  it("marks retirement at the retirement year itself, in today's dollars by default, and switches to nominal", async () => {
    // Prepare
    const chart = {
      title: 'Retirement Projection',
      type: 'projection' as const,
      description: '',
      retirement_year: 2,
      data: POINTS,
    };
    render(<RetirementSection retirement={retirementFixture({ figures: FIGURES, chart })} />);
    // Recharts loads lazily: give the first import time on a busy machine.
    const note = await screen.findByTestId('projection-retirement', {}, { timeout: 15_000 });
    expect(note.textContent).toContain("age 65: the median portfolio then is $920,000 in today's dollars");

    // Act
    await userEvent.click(screen.getByLabelText('Nominal dollars'));

    // Assess
    expect(screen.getByTestId('projection-retirement').textContent).toContain(
      '$1,200,000 in nominal dollars',
    );
  });

  it('gives the projection as a table too', async () => {
    // Prepare
    const chart = {
      title: 'Retirement Projection',
      type: 'projection' as const,
      description: '',
      retirement_year: 2,
      data: POINTS,
    };

    // Act
    render(<RetirementSection retirement={retirementFixture({ figures: FIGURES, chart })} />);
    await screen.findByTestId('projection-retirement', {}, { timeout: 15_000 });

    // Assess
    const table = screen.getByRole('table', { name: /Retirement Projection: projected portfolio value/ });
    expect(table.querySelectorAll('tbody tr')).toHaveLength(POINTS.length);
  });
});
