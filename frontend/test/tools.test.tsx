import {
  type RebalancePlan,
  RebalancePlan as RebalancePlanSchema,
  type ReportHistoryEntry,
  type RiskCheck,
  RiskChecks,
} from '@alex/contract';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ReportCompare } from '../src/components/reports/report-compare.tsx';
import { RiskChecksPanel } from '../src/components/risk/risk-checks-panel.tsx';
import { RiskRulesForm } from '../src/components/settings/risk-rules-form.tsx';
import { compareAnalyses } from '../src/lib/compare.ts';
import RebalancePage from '../src/pages/rebalance.tsx';
import { fakeApi, Providers } from './fake-api.tsx';

const drift = (dimension: 'asset_class' | 'regions') => ({
  dimension,
  basis: 10000,
  rows: [{ key: 'equity', currentPercent: 80, targetPercent: 70, drift: 10, tradeValue: -1000 }],
  unclassifiedPercent: 0,
  excluded: [],
  maxAbsoluteDrift: 10,
});

const plan: RebalancePlan = RebalancePlanSchema.parse({
  total: 10500,
  basis: 10000,
  drift: { asset_class: drift('asset_class'), region: drift('regions') },
  trades: [
    {
      account_id: 'a',
      account_name: 'IRA',
      symbol: 'SPY',
      asset_class: 'equity',
      action: 'sell',
      shares: '2',
      price: '500.00',
      value: -1000,
      whole_shares: true,
      new_holding: false,
    },
    {
      account_id: 'a',
      account_name: 'IRA',
      symbol: 'BND',
      asset_class: 'fixed_income',
      action: 'buy',
      shares: '14',
      price: '72.00',
      value: 1008,
      whole_shares: true,
      new_holding: false,
    },
  ],
  cash: { before: 50, change: -8, after: 42 },
  accounts: [{ account_id: 'a', account_name: 'IRA', before: 50, change: -8, after: 42 }],
  held_aside: [{ account_name: 'IRA', symbol: 'ZZZQ', value: null, reason: 'unpriced' }],
  unplaced: [],
  after: [{ key: 'equity', percent: 70, target_percent: 70 }],
});

const check = (overrides: Partial<RiskCheck>): RiskCheck => ({
  id: 'cash_drag',
  title: 'Cash drag',
  question: 'Flags uninvested cash above 10% of the portfolio.',
  unit: 'percent',
  enabled: true,
  threshold: 10,
  default_threshold: 10,
  min: 0,
  max: 100,
  integer: false,
  status: 'pass',
  value: 4,
  message: 'Cash is 4% of the portfolio (limit 10%).',
  subjects: [],
  ...overrides,
});

describe('RebalancePage', () => {
  it('shows the trades, the cash change, a net of $0.00 and the holding it left alone', async () => {
    const api = fakeApi({ getRebalance: vi.fn(async () => plan) });

    render(
      <Providers api={api}>
        <RebalancePage />
      </Providers>,
    );

    const net = await screen.findByTestId('trades-net');
    expect(net.textContent).toContain('$0.00');
    const table = screen.getByRole('table', { name: 'Trades to reach your asset-class targets' });
    expect(within(table).getByText('SPY')).toBeTruthy();
    expect(within(table).getByText('-$8.00')).toBeTruthy();
    expect(screen.getByRole('note', { name: 'Notes on this plan' }).textContent).toContain(
      'ZZZQ in IRA is left as it is: it has no price',
    );
  });

  it('says there is nothing to rebalance for an empty portfolio', async () => {
    const empty = { ...plan, total: 0, basis: 0, trades: [], held_aside: [] };
    render(
      <Providers api={fakeApi({ getRebalance: vi.fn(async () => empty) })}>
        <RebalancePage />
      </Providers>,
    );
    expect(await screen.findByText('Nothing to rebalance yet')).toBeTruthy();
  });
});

describe('RiskChecksPanel', () => {
  it('marks a failing check for attention and says why', () => {
    render(
      <Providers api={fakeApi()}>
        <RiskChecksPanel
          checks={[
            check({ status: 'fail', value: 12, message: 'Cash is 12% of the portfolio (limit 10%).' }),
          ]}
        />
      </Providers>,
    );
    const item = screen.getByText('Cash drag').closest('li');
    expect(item?.className).toContain('risk-fail');
    expect(item?.textContent).toContain('Attention');
    expect(item?.textContent).toContain('Cash is 12% of the portfolio (limit 10%).');
  });
});

describe('RiskRulesForm', () => {
  it('refuses a limit outside the rule bounds and sends nothing', async () => {
    const onSave = vi.fn();
    render(<RiskRulesForm checks={[check({})]} onSave={onSave} />);

    const input = screen.getByLabelText('Limit (%) for Cash drag');
    await userEvent.clear(input);
    await userEvent.type(input, '150');
    await userEvent.click(screen.getByRole('button', { name: 'Save risk checks' }));

    expect(screen.getByText('Enter a value from 0 to 100.')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves a new limit typed with a percent sign and a switch turned off', async () => {
    const saved = RiskChecks.parse({ checks: [check({ threshold: 5, enabled: false, status: 'off' })] });
    const onSave = vi.fn(async () => saved);
    render(<RiskRulesForm checks={[check({})]} onSave={onSave} />);

    const input = screen.getByLabelText('Limit (%) for Cash drag');
    await userEvent.clear(input);
    await userEvent.type(input, '5%');
    await userEvent.click(screen.getByRole('checkbox'));
    await userEvent.click(screen.getByRole('button', { name: 'Save risk checks' }));

    expect(onSave).toHaveBeenCalledWith({ cash_drag: { enabled: false, threshold: 5 } });
    expect(await screen.findByText('Risk checks saved.')).toBeTruthy();
  });
});

const entry = (overrides: Partial<ReportHistoryEntry>): ReportHistoryEntry => ({
  job_id: 'job-1',
  created_at: '2026-11-20T10:00:00Z',
  completed_at: '2026-11-20T10:01:00Z',
  total_value: 10000,
  invested_value: 9000,
  cash_value: 1000,
  asset_class: [
    { key: 'equity', percent: 80 },
    { key: 'cash', percent: 10 },
  ],
  regions: [{ key: 'north_america', percent: 100 }],
  failing_checks: ['Cash drag'],
  success_rate: 80,
  estimated_income: 40000,
  ...overrides,
});

describe('compareAnalyses', () => {
  it('marks what changed between two analyses and leaves equal figures unmarked', () => {
    const before = entry({});
    const after = entry({
      job_id: 'job-2',
      total_value: 12000,
      asset_class: [{ key: 'equity', percent: 80 }],
      failing_checks: [],
    });

    const rows = compareAnalyses(before, after).flatMap((g) => g.rows);
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, r]));

    expect(byLabel['Total value']).toMatchObject({ change: 2000, changed: true });
    expect(byLabel.Invested).toMatchObject({ change: 0, changed: false });
    expect(byLabel.Cash).toMatchObject({ before: 10, after: 0, changed: true });
    expect(byLabel['Needing attention']).toMatchObject({ before: 'Cash drag', after: 'None', changed: true });
  });

  it('shows a figure a run did not record as missing, not as zero', () => {
    const rows = compareAnalyses(
      entry({ total_value: null, asset_class: null }),
      entry({ job_id: 'job-2' }),
    ).flatMap((g) => g.rows);
    expect(rows.find((r) => r.label === 'Total value')).toMatchObject({
      before: null,
      change: null,
      changed: true,
    });
  });
});

describe('ReportCompare', () => {
  it('puts the two latest analyses side by side and highlights the changed rows', () => {
    const history = [
      entry({ job_id: 'job-2', created_at: '2026-11-21T10:00:00Z', total_value: 12000 }),
      entry({ job_id: 'job-1' }),
    ];
    render(
      <Providers api={fakeApi()}>
        <ReportCompare history={history} />
      </Providers>,
    );

    const row = screen.getByRole('row', { name: /Total value/ });
    expect(row.getAttribute('data-changed')).toBe('true');
    expect(row.textContent).toContain('+$2,000.00');
    expect(screen.getByRole('row', { name: /Invested/ }).getAttribute('data-changed')).toBe('false');
  });

  it('asks for a second analysis when there is only one', () => {
    render(
      <Providers api={fakeApi()}>
        <ReportCompare history={[entry({})]} />
      </Providers>,
    );
    expect(screen.getByText(/Run another to compare/)).toBeTruthy();
  });
});
