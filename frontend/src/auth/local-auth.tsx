import { type ReactNode, useCallback, useMemo, useSyncExternalStore } from 'react';
import { diagnoseNetworkFailure } from '../api/network-failure.ts';
import { API_URL } from '../env.ts';
import { AuthContext, type AuthValue, type SignInView as SignInViewType } from './auth-context.ts';
import { LocalSignIn } from './local-sign-in.tsx';

const STORAGE_KEY = 'alex.local-auth';

interface Session {
  userId: string;
  token: string;
}

function parseSession(raw: string | null): Session | null {
  try {
    const parsed = JSON.parse(raw ?? 'null') as Partial<Session> | null;
    return parsed?.userId && parsed.token ? { userId: parsed.userId, token: parsed.token } : null;
  } catch {
    return null;
  }
}

function readSession(): Session | null {
  return parseSession(localStorage.getItem(STORAGE_KEY));
}

// The session in localStorage as an external store: one snapshot object per stored value, so React
// re-renders only when it changes (here, or in another tab through the `storage` event).
const listeners = new Set<() => void>();
let snapshot: { raw: string | null; session: Session | null } = { raw: null, session: null };

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function currentSession(): Session | null {
  const raw = localStorage.getItem(STORAGE_KEY);
  if (raw !== snapshot.raw) snapshot = { raw, session: parseSession(raw) };
  return snapshot.session;
}

// The pre-rendered HTML knows no user: while it hydrates, the session counts as not read yet.
const unknownSession = (): undefined => undefined;

/** Asks the local issuer (`POST /local/token`, local mode only) for a token for `userId`. */
export async function requestLocalToken(userId: string, doFetch: typeof fetch = fetch): Promise<string> {
  let response: Response;
  try {
    response = await doFetch(`${API_URL}/local/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ user_id: userId }),
    });
  } catch (err: unknown) {
    throw await diagnoseNetworkFailure(API_URL, err, doFetch);
  }
  const body = (await response.json().catch(() => null)) as {
    token?: string;
    error?: { message?: string };
  } | null;
  if (!response.ok || !body?.token) {
    throw new Error(body?.error?.message ?? `The local sign-in answered ${response.status}.`);
  }
  return body.token;
}

/** Local sign-in backed by the local issuer; the session lives in localStorage (read after hydration). */
export function LocalAuthProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore<Session | null | undefined>(subscribe, currentSession, unknownSession);

  const save = useCallback((next: Session | null) => {
    if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else localStorage.removeItem(STORAGE_KEY);
    for (const listener of listeners) listener();
  }, []);

  const signIn = useCallback(
    async (userId: string) => save({ userId, token: await requestLocalToken(userId) }),
    [save],
  );

  const SignInView = useMemo<SignInViewType>(
    () =>
      function LocalSignInView({ next }) {
        return <LocalSignIn next={next} signIn={signIn} />;
      },
    [signIn],
  );

  const value = useMemo<AuthValue>(
    () => ({
      mode: 'local',
      isLoaded: session !== undefined,
      userId: session?.userId ?? null,
      getToken: async () => readSession()?.token ?? null,
      refreshToken: async () => {
        const current = readSession();
        if (!current) return null;
        const token = await requestLocalToken(current.userId);
        save({ userId: current.userId, token });
        return token;
      },
      signOut: async () => save(null),
      SignInView,
    }),
    [session, save, SignInView],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
