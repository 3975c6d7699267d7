import type { User } from '@alex/contract';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PlanForm } from '../src/components/settings/plan-form.tsx';
import { userFixture } from './fixtures.ts';

const THIS_YEAR = 2026;
const user: User = userFixture({ display_name: 'Test User' });

async function replace(label: string | RegExp, value: string) {
  const input = screen.getByLabelText(label);
  await userEvent.clear(input);
  if (value !== '') await userEvent.type(input, value);
}

describe('PlanForm', () => {
  it('saves the whole plan in its units, with the years to go derived from the age and retirement age', async () => {
    // Prepare
    const onSave = vi.fn(async () => user);
    render(<PlanForm user={user} onSave={onSave} thisYear={THIS_YEAR} />);
    await replace('Year of birth', '1986');
    await replace('Retirement age', '62');
    await replace(/Target retirement income/, '70000');
    await replace(/Yearly saving until retirement/, '18000');
    await userEvent.click(screen.getByLabelText('Raise my saving with inflation each year'));
    await replace(/Pension, Social Security/, '20000');
    await replace('Age the other income starts', '67');
    await replace(/Fees/, '0.35');
    await userEvent.selectOptions(screen.getByLabelText(/Risk score/), '7');

    // Act
    await userEvent.click(screen.getByRole('button', { name: 'Save my plan' }));

    // Assess
    expect((screen.getByLabelText('Years until retirement') as HTMLInputElement).value).toBe('22');
    expect(onSave).toHaveBeenCalledWith({
      birth_year: 1986,
      retirement_age: 62,
      target_retirement_income: '70000',
      annual_contribution: '18000',
      contribution_rises_with_inflation: true,
      other_retirement_income: '20000',
      other_income_start_age: 67,
      annual_fee_percent: '0.35',
      risk_score: 7,
    });
    expect(await screen.findByText('Plan saved. Your next analysis uses it.')).toBeTruthy();
  });

  it('sends the years until retirement when no age is given, and clears a saving left empty', async () => {
    // Prepare
    const onSave = vi.fn(async () => user);
    render(<PlanForm user={user} onSave={onSave} thisYear={THIS_YEAR} />);
    await replace('Years until retirement', '15');

    // Act
    await userEvent.click(screen.getByRole('button', { name: 'Save my plan' }));

    // Assess
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({ years_until_retirement: 15, birth_year: null, annual_contribution: null }),
    );
    expect(screen.getByText('Not entered: Alex assumes $10,000 a year')).toBeTruthy();
  });

  it.each([
    [/Target retirement income/, '-5', 'The amount cannot be negative.'],
    [/Yearly saving until retirement/, '1e307', 'Enter a number, such as 1,000 or 2.5.'],
    [/Pension, Social Security/, '20000000', 'At most $10,000,000 a year.'],
    ['Year of birth', '2020', 'Enter a year from 1926 to 2010.'],
    ['Retirement age', '120', 'Enter an age from 30 to 100.'],
    [/Fees/, '7', 'At most 5% a year.'],
  ])(
    'rejects %s = %s with a message that names the right reason, without calling the API',
    async (label, value, message) => {
      // Prepare
      const onSave = vi.fn();
      render(<PlanForm user={user} onSave={onSave} thisYear={THIS_YEAR} />);
      await replace(label, value);

      // Act
      await userEvent.click(screen.getByRole('button', { name: 'Save my plan' }));

      // Assess
      expect(onSave).not.toHaveBeenCalled();
      expect(screen.getAllByText(message, { exact: false }).length).toBeGreaterThan(0);
    },
  );
});
