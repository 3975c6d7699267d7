/**
 * The contract's plain constants, free of Zod: each endpoint's method and path, and the agents'
 * names. The SPA imports only these at run time, so its first load does not carry the schemas.
 */

import { TOOL_ROUTES } from './tools-routes.ts';

/** Method and path of every endpoint; `endpoints` adds the schemas. */
export const ROUTES = {
  health: { method: 'GET', path: '/health' },
  getUser: { method: 'GET', path: '/api/user' },
  updateUser: { method: 'PUT', path: '/api/user' },
  listAccounts: { method: 'GET', path: '/api/accounts' },
  createAccount: { method: 'POST', path: '/api/accounts' },
  getAccount: { method: 'GET', path: '/api/accounts/{id}' },
  updateAccount: { method: 'PUT', path: '/api/accounts/{id}' },
  deleteAccount: { method: 'DELETE', path: '/api/accounts/{id}' },
  listAccountPositions: { method: 'GET', path: '/api/accounts/{id}/positions' },
  createPosition: { method: 'POST', path: '/api/positions' },
  updatePosition: { method: 'PUT', path: '/api/positions/{id}' },
  deletePosition: { method: 'DELETE', path: '/api/positions/{id}' },
  searchInstruments: { method: 'GET', path: '/api/instruments' },
  classifyInstrument: { method: 'POST', path: '/api/instruments/classify' },
  getPortfolio: { method: 'GET', path: '/api/portfolio' },
  startAnalysis: { method: 'POST', path: '/api/analyze' },
  listJobs: { method: 'GET', path: '/api/jobs' },
  getJob: { method: 'GET', path: '/api/jobs/{id}' },
  getReport: { method: 'GET', path: '/api/jobs/{id}/report' },
  getRetirement: { method: 'GET', path: '/api/jobs/{id}/retirement' },
  clerkWebhook: { method: 'POST', path: '/api/webhooks/clerk' },
  previewImport: { method: 'POST', path: '/api/import/preview' },
  importPositions: { method: 'POST', path: '/api/import' },
  exportPortfolio: { method: 'GET', path: '/api/export' },
  populateTestData: { method: 'POST', path: '/api/dev/populate-test-data' },
  resetAccounts: { method: 'DELETE', path: '/api/dev/reset-accounts' },
  localToken: { method: 'POST', path: '/local/token' },
  jwks: { method: 'GET', path: '/.well-known/jwks.json' },
  openApi: { method: 'GET', path: '/openapi.json' },
  ...TOOL_ROUTES,
} as const;

/** The name of an endpoint. */
export type EndpointName = keyof typeof ROUTES;

/** The agents the planner runs, in the order they run; their progress is tracked per job. */
export { AGENT_NAMES } from '@alex/core/deployables';

/**
 * `generated_by` of every stored text (report, retirement analysis, chart words) that Alex's built-in
 * writer wrote because Claude's answers were unusable: the one fallback marker the SPA shows.
 */
export const FALLBACK_GENERATED_BY = 'offline-fallback';

/**
 * The largest positions file Alex imports: 1 MiB is thousands of positions, and its base64 form
 * inside a JSON body stays far below API Gateway's 10 MB and Lambda's 6 MB request limits.
 */
export const MAX_IMPORT_FILE_BYTES = 1024 * 1024;
