import { render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider, useApi } from '../src/api/api-context.tsx';
import { AuthContext, type AuthValue } from '../src/auth/auth-context.ts';

function LoadsUser() {
  const api = useApi();
  useEffect(() => {
    api.getUser().catch(() => {});
  }, [api]);
  return <p>Dashboard</p>;
}

function SignInProbe() {
  const location = useLocation();
  return <p>Sign-in page {location.search}</p>;
}

describe('ApiProvider', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the user to /sign-in, remembering the page, when the API answers 401', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status: 401 })),
    );
    const auth: AuthValue = {
      mode: 'local',
      isLoaded: true,
      userId: 'user_test_123',
      getToken: async () => 'expired',
      refreshToken: async () => null,
      signOut: vi.fn(async () => {}),
      SignInView: () => null,
    };

    render(
      <MemoryRouter initialEntries={['/dashboard']}>
        <AuthContext.Provider value={auth}>
          <ApiProvider>
            <Routes>
              <Route path="/dashboard" element={<LoadsUser />} />
              <Route path="/sign-in" element={<SignInProbe />} />
            </Routes>
          </ApiProvider>
        </AuthContext.Provider>
      </MemoryRouter>,
    );

    expect(await screen.findByText('Sign-in page ?expired=1&next=%2Fdashboard')).toBeTruthy();
    expect(auth.signOut).toHaveBeenCalled();
  });
});
