import { lazy, type ReactNode, Suspense } from 'react';
import { Loading } from '../components/states.tsx';
import { CLERK_PUBLISHABLE_KEY } from '../env.ts';
import { LocalAuthProvider } from './local-auth.tsx';

// Clerk is a chunk of its own, fetched only when a publishable key is configured.
const ClerkAuthProvider = lazy(() => import('./clerk-auth.tsx'));

/** Clerk when VITE_CLERK_PUBLISHABLE_KEY is set, the local issuer otherwise; both serve `useAuth()`. */
export function AuthProvider({ children }: { children: ReactNode }) {
  if (!CLERK_PUBLISHABLE_KEY) return <LocalAuthProvider>{children}</LocalAuthProvider>;
  return (
    <Suspense fallback={<Loading label="Loading sign-in" />}>
      <ClerkAuthProvider publishableKey={CLERK_PUBLISHABLE_KEY}>{children}</ClerkAuthProvider>
    </Suspense>
  );
}
