import { createContext, type ReactNode, useContext, useMemo, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/auth-context.ts';
import { API_URL } from '../env.ts';
import { createClient } from './client.ts';
import { type Api, createApi } from './endpoints.ts';

const ApiContext = createContext<Api | null>(null);

/** Provides the API bound to the signed-in user; a final 401 sends the user to /sign-in. */
export function ApiProvider({ children, api }: { children: ReactNode; api?: Api }) {
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  // Refs keep one client for the app's life while it always sees the current auth and location.
  const authRef = useRef(auth);
  authRef.current = auth;
  const whereRef = useRef(`${location.pathname}${location.search}`);
  whereRef.current = `${location.pathname}${location.search}`;

  const value = useMemo(() => {
    if (api) return api;
    const request = createClient({
      baseUrl: API_URL,
      auth: {
        getToken: () => authRef.current.getToken(),
        refreshToken: () => authRef.current.refreshToken(),
        onUnauthorized: () => {
          // Signing out first keeps the sign-in page from bouncing straight back with the dead token.
          const target = `/sign-in?expired=1&next=${encodeURIComponent(whereRef.current)}`;
          void authRef.current.signOut(target);
          navigate(target, { replace: true });
        },
      },
    });
    return createApi(request);
  }, [api, navigate]);

  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

/** The API for the current user; must be used under {@link ApiProvider}. */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used under <ApiProvider>');
  return api;
}
