import type {
  Account,
  AccountCreate,
  AccountUpdate,
  AnalysisStarted,
  allEndpoints,
  EndpointName,
  ImportPreview,
  ImportRequest,
  ImportResult,
  Instrument,
  InstrumentByHand,
  Job,
  PortfolioView,
  Position,
  PositionCreate,
  PositionUpdate,
  RebalancePlan,
  Report,
  ReportHistoryEntry,
  ResponseOf,
  Retirement,
  RiskChecks,
  RiskRulesUpdate,
  User,
  UserUpdate,
} from '@alex/contract';
import { ROUTES } from '@alex/contract/plain';
import type { RequestFn } from './client.ts';

/** Every call the SPA makes, typed by the API contract (`@alex/contract`). Tests provide a fake. */
export interface Api {
  getUser(signal?: AbortSignal): Promise<User>;
  updateUser(update: UserUpdate): Promise<User>;
  getPortfolio(signal?: AbortSignal): Promise<PortfolioView>;
  createAccount(input: AccountCreate): Promise<Account>;
  updateAccount(id: string, input: AccountUpdate): Promise<Account>;
  deleteAccount(id: string): Promise<void>;
  createPosition(input: PositionCreate): Promise<Position>;
  updatePosition(id: string, input: PositionUpdate): Promise<Position>;
  deletePosition(id: string): Promise<void>;
  searchInstruments(query: string, limit: number, signal?: AbortSignal): Promise<Instrument[]>;
  classifyInstrument(input: InstrumentByHand): Promise<Instrument>;
  startAnalysis(): Promise<AnalysisStarted>;
  listJobs(signal?: AbortSignal): Promise<Job[]>;
  getJob(id: string, signal?: AbortSignal): Promise<Job>;
  getReport(jobId: string, signal?: AbortSignal): Promise<Report>;
  getRetirement(jobId: string, signal?: AbortSignal): Promise<Retirement>;
  getRebalance(signal?: AbortSignal): Promise<RebalancePlan>;
  getRiskChecks(signal?: AbortSignal): Promise<RiskChecks>;
  updateRiskRules(update: RiskRulesUpdate): Promise<RiskChecks>;
  listReportHistory(signal?: AbortSignal): Promise<ReportHistoryEntry[]>;
  previewImport(file: ImportRequest): Promise<ImportPreview>;
  importPositions(file: ImportRequest): Promise<ImportResult>;
  /** The export file's text: CSV, or the JSON document pretty-printed. */
  exportPortfolio(format: 'csv' | 'json'): Promise<string>;
}

/** Checks an answer against its endpoint's response schema (throws when it does not match). */
export type ResponseCheck = (name: EndpointName, path: string, body: unknown) => Promise<void>;

interface CallOptions {
  id?: string;
  query?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal | undefined;
}

/**
 * Binds the endpoints of the API contract to a request function. In development builds and tests
 * every answer is validated with the contract's schema (strict: an undescribed field fails);
 * production builds leave the schemas out of the bundle and trust the types.
 */
export function createApi(request: RequestFn, options: { checkResponses?: boolean } = {}): Api {
  const checking = import.meta.env.DEV && options.checkResponses !== false;
  // Loaded on the first answer: the schemas (and Zod) are only fetched by development builds.
  let check: Promise<ResponseCheck> | undefined;

  async function call<N extends EndpointName>(
    name: N,
    { id, query, body, signal }: CallOptions = {},
  ): Promise<ResponseOf<(typeof allEndpoints)[N]>> {
    const route = ROUTES[name];
    let path: string = route.path;
    if (id !== undefined) path = path.replace('{id}', encodeURIComponent(id));
    if (query) path = `${path}?${new URLSearchParams(query)}`;
    const answer = await request<ResponseOf<(typeof allEndpoints)[N]>>(route.method, path, body, signal);
    if (checking) {
      check ??= import('./check-response.ts').then((m) => m.checkResponse);
      await (await check)(name, path, answer);
    }
    return answer;
  }

  return {
    getUser: (signal) => call('getUser', { signal }),
    updateUser: (update) => call('updateUser', { body: update }),
    getPortfolio: (signal) => call('getPortfolio', { signal }),
    createAccount: (input) => call('createAccount', { body: input }),
    updateAccount: (id, input) => call('updateAccount', { id, body: input }),
    deleteAccount: async (id) => {
      await call('deleteAccount', { id });
    },
    createPosition: (input) => call('createPosition', { body: input }),
    updatePosition: (id, input) => call('updatePosition', { id, body: input }),
    deletePosition: async (id) => {
      await call('deletePosition', { id });
    },
    searchInstruments: async (q, limit, signal) =>
      (await call('searchInstruments', { query: { q, limit: String(limit) }, signal })).items,
    classifyInstrument: (input) => call('classifyInstrument', { body: input }),
    startAnalysis: () => call('startAnalysis', { body: {} }),
    listJobs: (signal) => call('listJobs', { signal }),
    getJob: (id, signal) => call('getJob', { id, signal }),
    getReport: (id, signal) => call('getReport', { id, signal }),
    getRetirement: (id, signal) => call('getRetirement', { id, signal }),
    getRebalance: (signal) => call('getRebalance', { signal }),
    getRiskChecks: (signal) => call('getRiskChecks', { signal }),
    updateRiskRules: (update) => call('updateRiskRules', { body: update }),
    listReportHistory: (signal) => call('listReportHistory', { signal }),
    previewImport: (file) => call('previewImport', { body: file }),
    importPositions: (file) => call('importPositions', { body: file }),
    exportPortfolio: async (format) =>
      format === 'csv'
        ? request<string>(ROUTES.exportPortfolio.method, `${ROUTES.exportPortfolio.path}?format=csv`)
        : `${JSON.stringify(await call('exportPortfolio', { query: { format: 'json' } }), null, 2)}\n`,
  };
}
