/** Method and path of the portfolio tools' endpoints (rebalance, risk checks, report history). */
export const TOOL_ROUTES = {
  getRebalance: { method: 'GET', path: '/api/rebalance' },
  getRiskChecks: { method: 'GET', path: '/api/risk-checks' },
  updateRiskRules: { method: 'PUT', path: '/api/risk-rules' },
  listReportHistory: { method: 'GET', path: '/api/reports/history' },
} as const;
