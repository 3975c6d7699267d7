import { type MonteCarloInput, projectionChart, runMonteCarlo } from '@alex/finance';
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WhatIfReply, WhatIfRequest } from '../src/components/what-if/what-if-messages.ts';
import { initialSettings, storedRun, whatIfInput } from '../src/components/what-if/what-if-model.ts';
import WhatIfPanel from '../src/components/what-if/what-if-panel.tsx';
import { fakeApi, Providers } from './fake-api.tsx';
import { userFixture } from './fixtures.ts';

/** The server's run: what the retirement agent simulates for a plan, and stores as assumptions. */
const SERVER_INPUT: MonteCarloInput = {
  currentValue: 250_000,
  annualContribution: 15_000,
  contributionRisesWithInflation: true,
  yearsToRetirement: 20,
  targetIncome: 70_000,
  otherIncome: 20_000,
  otherIncomeStartYear: 22,
  annualFee: 0.002,
  allocation: { equity: 100 * (2 / 3), fixed_income: 100 * (1 / 3) },
  paths: 2_000,
  seed: 987_654,
};

/** Runs the worker's code in the test's thread: a stand-in for the browser's Worker. */
class InlineWorker {
  onmessage: ((event: MessageEvent<WhatIfReply>) => void) | null = null;
  postMessage(request: WhatIfRequest) {
    const result = runMonteCarlo(request.input);
    const reply: WhatIfReply = {
      id: request.id,
      ok: true,
      milliseconds: 1,
      successRate: result.successRate,
      sustainableIncome: result.sustainableIncome,
      atRetirement: result.atRetirement,
      chart: projectionChart(result),
    };
    queueMicrotask(() => this.onmessage?.({ data: reply } as MessageEvent<WhatIfReply>));
  }
  terminate() {}
}

describe('what-if inputs', () => {
  it('rebuild the server run from its stored assumptions, so unchanged sliders give the same figures', () => {
    // Prepare
    const server = runMonteCarlo(SERVER_INPUT);
    const run = storedRun(JSON.parse(JSON.stringify(server.assumptions)));
    if (run === null) throw new Error('assumptions not recognised');

    // Act
    const browser = runMonteCarlo(whatIfInput(run, initialSettings(run)));

    // Assess
    expect(browser.successRate).toBe(server.successRate);
    expect(browser.sustainableIncome).toBe(server.sustainableIncome);
    expect(browser.percentiles).toEqual(server.percentiles);
  });

  it('sets the equity share and shares the rest among the other classes as before', () => {
    // Prepare
    const run = storedRun(runMonteCarlo(SERVER_INPUT).assumptions);
    if (run === null) throw new Error('assumptions not recognised');

    // Act
    const input = whatIfInput(run, { ...initialSettings(run), equityPercent: 40 });

    // Assess
    expect(input.allocation.equity).toBe(40);
    expect(input.allocation.fixed_income).toBeCloseTo(60, 9);
  });

  it('recognises no run in assumptions stored before the plan existed', () => {
    expect(storedRun({ paths: 10_000, seed: 1 })).toBeNull();
  });
});

describe('WhatIfPanel', () => {
  beforeEach(() => vi.stubGlobal('Worker', InlineWorker));
  afterEach(() => vi.unstubAllGlobals());

  it('updates the figures as a slider moves, without any API call', async () => {
    // Prepare
    const run = storedRun(runMonteCarlo(SERVER_INPUT).assumptions);
    if (run === null) throw new Error('assumptions not recognised');
    const api = fakeApi({});
    render(
      <Providers api={api}>
        <WhatIfPanel run={run} currentAge={45} />
      </Providers>,
    );
    const before = (await screen.findByTestId('what-if-median')).textContent;

    // Act
    fireEvent.change(screen.getByRole('slider', { name: /Yearly saving/ }), { target: { value: '60000' } });

    // Assess
    await vi.waitFor(() => expect(screen.getByTestId('what-if-median').textContent).not.toBe(before));
    const expected = runMonteCarlo(whatIfInput(run, { ...initialSettings(run), annualContribution: 60_000 }));
    expect(screen.getByTestId('what-if-income').textContent).toBe(
      `$${expected.sustainableIncome.toLocaleString('en-US')} a year`,
    );
    for (const call of Object.values(api)) {
      if (vi.isMockFunction(call)) expect(call).not.toHaveBeenCalled();
    }
  });

  it('saves the plan fields only, and says beside the button that the equity share is not saved', async () => {
    // Prepare
    const run = storedRun(runMonteCarlo(SERVER_INPUT).assumptions);
    if (run === null) throw new Error('assumptions not recognised');
    const updateUser = vi.fn(async () => userFixture());
    render(
      <Providers api={fakeApi({ updateUser })}>
        <WhatIfPanel run={run} currentAge={45} />
      </Providers>,
    );
    fireEvent.change(screen.getByRole('slider', { name: /Equity share/ }), { target: { value: '40' } });
    fireEvent.change(screen.getByRole('slider', { name: /Yearly saving/ }), { target: { value: '20000' } });

    // Act
    fireEvent.click(
      screen.getByRole('button', { name: 'Save as my plan', description: /The equity share is not saved/ }),
    );

    // Assess
    await screen.findByText(/Saved as your plan/);
    expect(updateUser).toHaveBeenCalledWith({
      annual_contribution: '20000.00',
      target_retirement_income: '70000.00',
      annual_fee_percent: '0.20',
      retirement_age: 65,
    });
    expect(screen.getByRole('link', { name: 'asset-class targets in Settings' }).getAttribute('href')).toBe(
      '/settings',
    );
  });
});
