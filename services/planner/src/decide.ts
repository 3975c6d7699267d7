import type { InstrumentToTag } from '@alex/agents';
import type { AgentName } from '@alex/core';
import type { Portfolio } from '@alex/database';

/** What the planner will do for one portfolio, decided by code (never by the model). */
export interface AnalysisPlan {
  /** Nothing to analyse: no positions and no cash. */
  empty: boolean;
  toTag: InstrumentToTag[];
  /** The agents to run in parallel once tagging is done. */
  agents: Exclude<AgentName, 'tagger'>[];
  /** Human-readable decisions, for the trace and the log. */
  decisions: string[];
  accounts: number;
  positions: number;
}

/** Decides which agents a portfolio needs. */
export function planAnalysis(portfolio: Portfolio): AnalysisPlan {
  const positions = portfolio.accounts.flatMap((a) => a.positions);
  const hasCash = portfolio.accounts.some((a) => Number(a.cash_balance) > 0);
  const bySymbol = new Map<string, InstrumentToTag>();
  for (const { instrument } of positions) {
    const incomplete =
      instrument.current_price === null ||
      instrument.allocation_asset_class === null ||
      instrument.allocation_regions === null ||
      instrument.allocation_sectors === null;
    if (incomplete) {
      bySymbol.set(instrument.symbol, {
        symbol: instrument.symbol,
        name: instrument.name,
        instrument_type: instrument.instrument_type,
      });
    }
  }
  const toTag = [...bySymbol.values()].sort((a, b) => a.symbol.localeCompare(b.symbol));
  const empty = positions.length === 0 && !hasCash;
  const decisions: string[] = [];
  if (empty) decisions.push('portfolio is empty → nothing to analyse');
  else if (toTag.length > 0)
    decisions.push(`missing data for ${toTag.map((i) => i.symbol).join(', ')} → tagger`);
  else decisions.push('every instrument is classified → no tagging');
  if (!empty) decisions.push('reporter, charter and retirement → in parallel');
  return {
    empty,
    toTag,
    agents: empty ? [] : ['reporter', 'charter', 'retirement'],
    decisions,
    accounts: portfolio.accounts.length,
    positions: positions.length,
  };
}
