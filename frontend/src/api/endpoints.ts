import { type Portfolio, readPortfolio } from '../lib/portfolio.ts';
import type { RequestFn } from './client.ts';
import type {
  Account,
  AccountInput,
  AnalysisJob,
  Instrument,
  Position,
  Report,
  Retirement,
  User,
  UserUpdate,
} from './types.ts';

/** Every call the SPA makes, typed. Tests provide a fake with the same shape. */
export interface Api {
  getUser(signal?: AbortSignal): Promise<User>;
  updateUser(update: UserUpdate): Promise<User>;
  getPortfolio(signal?: AbortSignal): Promise<Portfolio>;
  createAccount(input: AccountInput): Promise<Account>;
  updateAccount(id: string, input: Partial<AccountInput>): Promise<Account>;
  deleteAccount(id: string): Promise<void>;
  createPosition(input: { account_id: string; symbol: string; quantity: string }): Promise<Position>;
  updatePosition(id: string, input: { quantity: string }): Promise<Position>;
  deletePosition(id: string): Promise<void>;
  searchInstruments(query: string, limit: number, signal?: AbortSignal): Promise<Instrument[]>;
  startAnalysis(): Promise<{ job_id: string }>;
  listJobs(signal?: AbortSignal): Promise<AnalysisJob[]>;
  getJob(id: string, signal?: AbortSignal): Promise<AnalysisJob>;
  getReport(jobId: string, signal?: AbortSignal): Promise<Report>;
  getRetirement(jobId: string, signal?: AbortSignal): Promise<Retirement>;
}

/** Lists may come bare or wrapped (`{jobs: [...]}`, `{items: [...]}`); both read the same. */
function list<T>(body: unknown, key: string): T[] {
  if (Array.isArray(body)) return body as T[];
  const record = (body ?? {}) as Record<string, unknown>;
  const inner = record[key] ?? record.items ?? record.data;
  return Array.isArray(inner) ? (inner as T[]) : [];
}

const id = (value: string) => encodeURIComponent(value);

/** The report body, whether its texts are named `summary`/`markdown` or `report_summary`/`report_detail`. */
function readReport(body: unknown): Report {
  const raw = (body ?? {}) as Record<string, unknown>;
  const text = (...keys: string[]) => {
    for (const key of keys) if (typeof raw[key] === 'string') return raw[key] as string;
    return null;
  };
  return {
    ...(raw as unknown as Report),
    report_summary: text('report_summary', 'summary'),
    report_detail: text('report_detail', 'markdown'),
    charts: Array.isArray(raw.charts) ? (raw.charts as Report['charts']) : [],
  };
}

/** Binds the endpoints of the API contract to a request function. */
export function createApi(request: RequestFn): Api {
  return {
    getUser: (signal) => request('GET', '/api/user', undefined, signal),
    updateUser: (update) => request('PUT', '/api/user', update),
    getPortfolio: async (signal) => readPortfolio(await request('GET', '/api/portfolio', undefined, signal)),
    createAccount: (input) => request('POST', '/api/accounts', input),
    updateAccount: (accountId, input) => request('PUT', `/api/accounts/${id(accountId)}`, input),
    deleteAccount: (accountId) => request('DELETE', `/api/accounts/${id(accountId)}`),
    createPosition: (input) => request('POST', '/api/positions', input),
    updatePosition: (positionId, input) => request('PUT', `/api/positions/${id(positionId)}`, input),
    deletePosition: (positionId) => request('DELETE', `/api/positions/${id(positionId)}`),
    searchInstruments: async (query, limit, signal) => {
      const params = new URLSearchParams({ q: query, limit: String(limit) });
      return list<Instrument>(
        await request('GET', `/api/instruments?${params}`, undefined, signal),
        'instruments',
      );
    },
    startAnalysis: () => request('POST', '/api/analyze', {}),
    listJobs: async (signal) =>
      list<AnalysisJob>(await request('GET', '/api/jobs', undefined, signal), 'jobs'),
    getJob: (jobId, signal) => request('GET', `/api/jobs/${id(jobId)}`, undefined, signal),
    getReport: async (jobId, signal) =>
      readReport(await request('GET', `/api/jobs/${id(jobId)}/report`, undefined, signal)),
    getRetirement: (jobId, signal) => request('GET', `/api/jobs/${id(jobId)}/retirement`, undefined, signal),
  };
}
