import {
  type ComponentType,
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from 'react';
import { Loading } from '../components/states.tsx';
import { CLERK_PUBLISHABLE_KEY } from '../env.ts';
import { AuthContext, type AuthValue } from './auth-context.ts';
import { LocalAuthProvider } from './local-auth.tsx';

type ClerkAuthProvider = ComponentType<{ publishableKey: string; children: ReactNode }>;

// Asks a deferred sign-in (Clerk) to load; a no-op for the local sign-in, which is always there.
const NeedSignInContext = createContext<() => void>(() => {});

/** Loads the sign-in provider if it is deferred; pages that need to know the user call it. */
export function useNeedSignIn(): void {
  const load = useContext(NeedSignInContext);
  useEffect(() => load(), [load]);
}

/** What the app sees until Clerk has loaded: nobody known yet, the same on the server and in the browser. */
const CLERK_PENDING: AuthValue = {
  mode: 'clerk',
  isLoaded: false,
  userId: null,
  getToken: async () => null,
  refreshToken: async () => null,
  signOut: async () => {},
  SignInView: () => <Loading label="Loading sign-in" />,
};

/**
 * Clerk, fetched (its chunk, then Clerk's own script) only once a page that needs the user asks for
 * it through {@link useNeedSignIn}: the landing page never does, so it paints and runs without Clerk.
 */
function DeferredClerkProvider({
  publishableKey,
  children,
}: {
  publishableKey: string;
  children: ReactNode;
}) {
  const [Provider, setProvider] = useState<ClerkAuthProvider | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const started = useRef(false);
  const load = useCallback(() => {
    if (started.current) return;
    started.current = true;
    import('./clerk-auth.tsx').then(
      (module) => setProvider(() => module.default),
      (err: unknown) => setFailure(err instanceof Error ? err : new Error(String(err))),
    );
  }, []);
  // A chunk that failed to download reaches the error boundary, which offers a reload.
  if (failure) throw failure;
  return (
    <NeedSignInContext.Provider value={load}>
      {Provider ? (
        <Provider publishableKey={publishableKey}>{children}</Provider>
      ) : (
        <AuthContext.Provider value={CLERK_PENDING}>{children}</AuthContext.Provider>
      )}
    </NeedSignInContext.Provider>
  );
}

/** Clerk when VITE_CLERK_PUBLISHABLE_KEY is set (loaded on demand), the local issuer otherwise; both serve `useAuth()`. */
export function AuthProvider({ children }: { children: ReactNode }) {
  if (!CLERK_PUBLISHABLE_KEY) return <LocalAuthProvider>{children}</LocalAuthProvider>;
  return <DeferredClerkProvider publishableKey={CLERK_PUBLISHABLE_KEY}>{children}</DeferredClerkProvider>;
}
