import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PositionForm } from '../src/components/portfolio/position-form.tsx';
import { fakeApi, Providers } from './fake-api.tsx';
import { instrumentFixture } from './fixtures.ts';

function renderForm(onSubmit = vi.fn(async () => {}), held = new Map<string, string>()) {
  const searchInstruments = vi.fn(async () => [instrumentFixture()]);
  render(
    <Providers api={fakeApi({ searchInstruments })}>
      <PositionForm onSubmit={onSubmit} held={held} />
    </Providers>,
  );
  return { onSubmit, searchInstruments };
}

describe('PositionForm', () => {
  it('rejects a quantity of 0', async () => {
    const { onSubmit } = renderForm();
    await userEvent.type(screen.getByRole('combobox', { name: 'Symbol' }), 'VTI');
    await userEvent.type(screen.getByLabelText('Quantity'), '0');

    await userEvent.click(screen.getByRole('button', { name: 'Add position' }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Quantity must be greater than 0.')).toBeTruthy();
    expect(screen.getByLabelText('Quantity').getAttribute('aria-invalid')).toBe('true');
  });

  it('rejects more than 8 decimal places', async () => {
    const { onSubmit } = renderForm();
    await userEvent.type(screen.getByRole('combobox', { name: 'Symbol' }), 'VTI');
    await userEvent.type(screen.getByLabelText('Quantity'), '0.123456789');

    await userEvent.click(screen.getByRole('button', { name: 'Add position' }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Use at most 8 decimal places.')).toBeTruthy();
  });

  it('adds an unknown symbol, upper-cased, with a fractional quantity', async () => {
    const { onSubmit } = renderForm();
    await userEvent.type(screen.getByRole('combobox', { name: 'Symbol' }), 'tsla');
    await userEvent.type(screen.getByLabelText('Quantity'), '2.5');

    await userEvent.click(screen.getByRole('button', { name: 'Add position' }));

    expect(onSubmit).toHaveBeenCalledWith({ symbol: 'TSLA', quantity: '2.5', mode: 'add' });
  });

  it('suggests instruments as the user types and picks one with the keyboard', async () => {
    const { searchInstruments } = renderForm();
    const symbol = screen.getByRole('combobox', { name: 'Symbol' });

    await userEvent.type(symbol, 'sp');
    await screen.findByRole('option', { name: /SPDR S&P 500 ETF/ });
    await userEvent.keyboard('{ArrowDown}{Enter}');

    expect(searchInstruments).toHaveBeenLastCalledWith('SP', 8, expect.any(AbortSignal));
    expect((symbol as HTMLInputElement).value).toBe('SPY');
  });

  it('reads a quantity typed with a thousands separator', async () => {
    const { onSubmit } = renderForm();
    await userEvent.type(screen.getByRole('combobox', { name: 'Symbol' }), 'VTI');
    await userEvent.type(screen.getByLabelText('Quantity'), '1,000.5');

    await userEvent.click(screen.getByRole('button', { name: 'Add position' }));

    expect(onSubmit).toHaveBeenCalledWith({ symbol: 'VTI', quantity: '1000.5', mode: 'add' });
  });

  it('asks about a symbol already held and adds to it by default', async () => {
    const { onSubmit } = renderForm(undefined, new Map([['VTI', '10.00000000']]));
    await userEvent.type(screen.getByRole('combobox', { name: 'Symbol' }), 'vti');
    await userEvent.type(screen.getByLabelText('Quantity'), '3');

    const group = screen.getByRole('group', { name: /already holds 10 VTI/ });
    expect(screen.getByRole('radio', { name: 'Add to it (13 in total)' })).toHaveProperty('checked', true);
    expect(group).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Add to VTI' }));

    expect(onSubmit).toHaveBeenCalledWith({ symbol: 'VTI', quantity: '3', mode: 'add' });
  });

  it('replaces the quantity held when the user chooses to', async () => {
    const { onSubmit } = renderForm(undefined, new Map([['VTI', '10.00000000']]));
    await userEvent.type(screen.getByRole('combobox', { name: 'Symbol' }), 'VTI');
    await userEvent.type(screen.getByLabelText('Quantity'), '3');

    await userEvent.click(screen.getByRole('radio', { name: 'Replace it (3 in total)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Replace VTI' }));

    expect(onSubmit).toHaveBeenCalledWith({ symbol: 'VTI', quantity: '3', mode: 'replace' });
  });
});
