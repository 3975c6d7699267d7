import type { OfflineScript, OfflineStep, OfflineTurn } from '@alex/agents';
import type { MarketInsights } from '@alex/knowledge';
import { writeOfflineReport } from './offline-report.ts';
import type { PortfolioAnalysis } from './portfolio-analysis.ts';

/** How many of the largest holdings the offline writer asks market insights about. */
const INSIGHT_SYMBOLS = 5;

const latest = (turn: OfflineTurn, name: string): unknown =>
  turn.toolResults.findLast((result) => result.name === name)?.output;

/**
 * The Report Writer's offline turns: get_portfolio_analysis, then get_market_insights for the top
 * holdings' symbols, then the whole report written from both results (labelled as offline).
 */
export const reportWriterScript: OfflineScript = {
  name: 'reporter',
  next(turn: OfflineTurn): OfflineStep {
    const analysis = latest(turn, 'get_portfolio_analysis') as PortfolioAnalysis | undefined;
    if (analysis === undefined) return { toolCalls: [{ name: 'get_portfolio_analysis', arguments: {} }] };
    const insights = latest(turn, 'get_market_insights') as MarketInsights | undefined;
    const symbols = analysis.holdings.slice(0, INSIGHT_SYMBOLS).map((h) => h.symbol);
    if (insights === undefined && symbols.length > 0) {
      return { toolCalls: [{ name: 'get_market_insights', arguments: { symbols } }] };
    }
    return { output: writeOfflineReport(analysis, insights) };
  },
};
