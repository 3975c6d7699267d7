import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { vi } from 'vitest';
import { ApiProvider } from '../src/api/api-context.tsx';
import type { Api } from '../src/api/endpoints.ts';
import { AuthContext, type AuthValue } from '../src/auth/auth-context.ts';

/** An Api whose every call fails unless the test overrides it. */
export function fakeApi(overrides: Partial<Api> = {}): Api {
  const unexpected = (name: string) =>
    vi.fn(async () => Promise.reject(new Error(`unexpected call: ${name}`)));
  const names: (keyof Api)[] = [
    'getUser',
    'updateUser',
    'getPortfolio',
    'createAccount',
    'updateAccount',
    'deleteAccount',
    'createPosition',
    'updatePosition',
    'deletePosition',
    'searchInstruments',
    'classifyInstrument',
    'startAnalysis',
    'listJobs',
    'getJob',
    'getReport',
    'getRetirement',
    'getRebalance',
    'getRiskChecks',
    'updateRiskRules',
    'listReportHistory',
    'previewImport',
    'importPositions',
    'exportPortfolio',
  ];
  const api = Object.fromEntries(names.map((name) => [name, unexpected(name)])) as unknown as Api;
  return { ...api, ...overrides };
}

const signedIn: AuthValue = {
  mode: 'local',
  isLoaded: true,
  userId: 'user_test_123',
  getToken: async () => 'token',
  refreshToken: async () => null,
  signOut: async () => {},
  SignInView: () => null,
};

/** Renders `children` signed in, under a router, with `api` as the API. */
export function Providers({ api, children, path = '/' }: { api: Api; children: ReactNode; path?: string }) {
  return (
    <MemoryRouter initialEntries={[path]}>
      <AuthContext.Provider value={signedIn}>
        <ApiProvider api={api}>{children}</ApiProvider>
      </AuthContext.Provider>
    </MemoryRouter>
  );
}
