import type { Instrument } from '@alex/contract';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PositionsTable } from '../src/components/portfolio/positions-table.tsx';
import type { ValuedPosition } from '../src/lib/portfolio.ts';
import { fakeApi, Providers } from './fake-api.tsx';
import { instrumentFixture } from './fixtures.ts';

const AT = '2026-11-25T10:00:00Z';

function position(
  symbol: string,
  instrument: Partial<Instrument> = {},
  quantity = '10.00000000',
): ValuedPosition {
  return {
    id: `p-${symbol}`,
    account_id: 'a1',
    symbol,
    quantity,
    as_of_date: '2026-11-25',
    created_at: AT,
    updated_at: AT,
    instrument: instrumentFixture({ symbol, ...instrument }),
    value: instrument.current_price === null ? null : '100.00',
  };
}

const unknown = {
  name: 'ZZZQ',
  current_price: null,
  allocation_asset_class: null,
  allocation_regions: null,
  allocation_sectors: null,
  is_user_added: true,
};

function renderTable(
  positions: ValuedPosition[],
  api = fakeApi(),
  handlers: Partial<Parameters<typeof PositionsTable>[0]> = {},
) {
  const props = {
    accountName: 'IRA',
    positions,
    onUpdate: vi.fn(async () => {}),
    onDelete: vi.fn(),
    onClassified: vi.fn(),
    ...handlers,
  };
  render(
    <Providers api={api}>
      <PositionsTable {...props} />
    </Providers>,
  );
  return props;
}

describe('PositionsTable', () => {
  it('says a new symbol is looked up at the next analysis', () => {
    renderTable([position('ZZZQ', { ...unknown, tag_failed_at: null })]);

    expect(screen.getByText('Alex looks it up at the next analysis.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Enter price and class/ })).toBeNull();
  });

  it('says a symbol Alex could not find is not found, and lets the user classify it by hand', async () => {
    const classifyInstrument = vi.fn(async () => instrumentFixture({ symbol: 'ZZZQ' }));
    const props = renderTable(
      [position('ZZZQ', { ...unknown, tag_failed_at: AT })],
      fakeApi({ classifyInstrument }),
    );

    expect(
      screen.getByText(/Not found\. Check the symbol, or enter its price and class yourself\./),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: /Enter price and class/ }));
    await userEvent.type(screen.getByLabelText('Price of one share ($)'), '$1,250.5');
    await userEvent.selectOptions(screen.getByLabelText('Asset class'), 'fixed_income');
    await userEvent.selectOptions(screen.getByLabelText('Region'), 'europe');
    await userEvent.selectOptions(screen.getByLabelText('Sector'), 'corporate');
    await userEvent.click(screen.getByRole('button', { name: 'Save ZZZQ' }));

    expect(classifyInstrument).toHaveBeenCalledWith({
      symbol: 'ZZZQ',
      current_price: '1250.5',
      asset_class: 'fixed_income',
      region: 'europe',
      sector: 'corporate',
    });
    expect(props.onClassified).toHaveBeenCalled();
  });

  it('shows the saved quantity at once and gives focus back to the Edit button', async () => {
    const props = renderTable([position('SPY')]);

    await userEvent.click(screen.getByRole('button', { name: /^Edit\s*SPY/ }));
    const input = screen.getByLabelText('Quantity of SPY');
    await userEvent.clear(input);
    await userEvent.type(input, '1,200{Enter}');

    expect(props.onUpdate).toHaveBeenCalledWith(expect.objectContaining({ symbol: 'SPY' }), '1200');
    expect(screen.getByText('1,200')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Edit\s*SPY/ }));
  });
});
