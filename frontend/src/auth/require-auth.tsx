import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Loading } from '../components/states.tsx';
import { useAuth } from './auth-context.ts';
import { useNeedSignIn } from './auth-provider.tsx';

/** Renders `children` for a signed-in user; anyone else goes to /sign-in and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  useNeedSignIn();
  const { isLoaded, userId } = useAuth();
  const location = useLocation();
  if (!isLoaded) return <Loading label="Checking sign-in" />;
  if (!userId) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return <>{children}</>;
}
