import type { PortfolioFacts } from '@alex/analysis';
import type { Logger } from '@alex/core';
import { type KnowledgeStore, type MarketInsights, marketInsights } from '@alex/knowledge';
import { type RunContext, tool } from '@openai/agents';
import { z } from 'zod';
import { portfolioAnalysis } from './portfolio-analysis.ts';

/** What the Report Writer's tools need for one run, passed as `run(agent, input, { context })`. */
export interface ReporterContext {
  facts: PortfolioFacts;
  store: KnowledgeStore;
  logger: Logger;
  /** The latest `get_market_insights` answer, so the service can tell whether insights were available. */
  insights?: MarketInsights;
}

function contextOf(runContext: RunContext<ReporterContext> | undefined): ReporterContext {
  if (runContext === undefined) throw new Error('the Report Writer tools need a run context');
  return runContext.context;
}

/** Returns the portfolio's computed facts: totals, allocations, drift against the user's targets, holdings. */
export const getPortfolioAnalysis = tool({
  name: 'get_portfolio_analysis',
  description:
    "Returns the user's portfolio as computed by Alex: total, invested and cash values; accounts; allocations " +
    "by asset class, region and sector; current versus the user's asset-class and region targets with the " +
    'dollars to buy (+) or sell (-) to reach each target; holdings largest first; unpriced or unclassified ' +
    "symbols; years to retirement and income goal; the user's risk checks with their own thresholds (the same " +
    'pass/fail/off the dashboard shows); and findings (the failing checks: drift, concentration, cash) ' +
    'to base recommendations on. Money in US dollars, percentages 0-100.',
  parameters: z.object({}),
  execute: async (_args, runContext?: RunContext<ReporterContext>) =>
    JSON.stringify(portfolioAnalysis(contextOf(runContext).facts)),
});

/** Searches the market-research store for passages about the given symbols. */
export const getMarketInsights = tool({
  name: 'get_market_insights',
  description:
    "Searches Alex's market research notes for up to three passages relevant to the given ticker symbols. " +
    'Answers {"available": true, "insights": [{title, source, text, score}]} or {"available": false, ' +
    '"reason"} when the research store cannot be reached; then write the report without insights and say so.',
  parameters: z.object({
    symbols: z
      .array(z.string().min(1).max(12))
      .min(1)
      .max(12)
      .describe('Ticker symbols, largest holdings first'),
  }),
  execute: async ({ symbols }, runContext?: RunContext<ReporterContext>) => {
    const context = contextOf(runContext);
    let result: MarketInsights;
    try {
      result = await marketInsights(context.store, symbols, { logger: context.logger });
    } catch (err: unknown) {
      // marketInsights promises not to throw; a report without insights still beats a failed job.
      context.logger.warn('market insights failed', { err });
      result = {
        available: false,
        reason: `market research search failed (${err instanceof Error ? err.name : 'error'})`,
      };
    }
    context.insights = result;
    return JSON.stringify(result);
  },
});

/** The Report Writer's tools, in the order the model sees them. */
export const reporterTools = [getPortfolioAnalysis, getMarketInsights];
