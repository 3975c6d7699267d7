import { portfolioFacts } from '@alex/analysis';
import { endpoints } from '@alex/contract';
import { json } from '../http.ts';
import { type Route, userRoute } from '../router.ts';

/**
 * The dashboard's view: accounts → positions → instruments with exact values (decimal strings, from
 * the finance package), totals, allocations, drift against the user's targets and chart data.
 */
export const portfolioRoutes: Route[] = [
  userRoute(endpoints.getPortfolio, async ({ deps, userId }) => {
    const portfolio = await deps.repos.portfolio.getOrCreate(userId);
    const facts = portfolioFacts(portfolio);
    const { valuation } = facts;
    // Valuation lists accounts and positions in the portfolio's own order.
    let next = 0;
    const accounts = portfolio.accounts.map((account, a) => ({
      ...account,
      cash_value: valuation.accounts[a]?.cash.valueText ?? '0.00',
      invested_value: valuation.accounts[a]?.invested.valueText ?? '0.00',
      total_value: valuation.accounts[a]?.total.valueText ?? '0.00',
      positions: account.positions.map((position) => {
        const valued = valuation.positions[next++];
        return {
          ...position,
          value: position.instrument.current_price === null ? null : (valued?.valueText ?? null),
        };
      }),
    }));
    return json(200, {
      user: portfolio.user,
      accounts,
      totals: {
        cash: valuation.cash.valueText,
        invested: valuation.invested.valueText,
        total: valuation.total.valueText,
      },
      allocations: facts.allocations,
      drift: facts.drift,
      charts: facts.charts,
      unpriced: valuation.unpriced,
      unclassified: valuation.unclassified,
    });
  }),
];
