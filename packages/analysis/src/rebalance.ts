import type { Instrument, Portfolio } from '@alex/database';
import {
  type NewHoldingCandidate,
  planRebalance,
  type RebalancePlan,
  tradesInWholeShares,
  valuePortfolio,
} from '@alex/finance';
import { toAccountInputs } from './facts.ts';

/**
 * Broad, low-cost funds suggested for an asset class the portfolio holds none of (each is one of the
 * default instruments, 100% in its class). Only suggestions: the plan names them as new holdings.
 */
export const CANDIDATE_SYMBOLS: Readonly<Record<string, string>> = {
  equity: 'VTI',
  fixed_income: 'BND',
  real_estate: 'VNQ',
  commodities: 'GLD',
};

/** Candidates from the instruments found for {@link CANDIDATE_SYMBOLS}: priced and 100% in their class. */
export function candidatesFrom(
  instruments: readonly (Instrument | null)[],
): Record<string, NewHoldingCandidate> {
  const candidates: Record<string, NewHoldingCandidate> = {};
  for (const [assetClass, symbol] of Object.entries(CANDIDATE_SYMBOLS)) {
    const instrument = instruments.find((i) => i?.symbol === symbol);
    if (!instrument?.current_price || instrument.allocation_asset_class?.[assetClass as never] !== 100)
      continue;
    candidates[assetClass] = {
      symbol,
      price: instrument.current_price,
      wholeShares: tradesInWholeShares(instrument.instrument_type),
    };
  }
  return candidates;
}

/** The rebalance plan of a stored portfolio against the user's targets; no model involved. */
export function rebalancePortfolio(
  portfolio: Portfolio,
  candidates: Readonly<Record<string, NewHoldingCandidate>> = {},
): RebalancePlan {
  const types = new Map(
    portfolio.accounts.flatMap((a) =>
      a.positions.map((p) => [p.symbol, p.instrument.instrument_type] as const),
    ),
  );
  return planRebalance(valuePortfolio(toAccountInputs(portfolio)), {
    assetClassTargets: portfolio.user.asset_class_targets,
    regionTargets: portfolio.user.region_targets,
    wholeShares: (symbol) => tradesInWholeShares(types.get(symbol)),
    candidates,
  });
}
