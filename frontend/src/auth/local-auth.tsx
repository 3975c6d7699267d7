import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { API_URL } from '../env.ts';
import { AuthContext, type AuthValue, type SignInView as SignInViewType } from './auth-context.ts';
import { LocalSignIn } from './local-sign-in.tsx';

const STORAGE_KEY = 'alex.local-auth';

interface Session {
  userId: string;
  token: string;
}

function readSession(): Session | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Session> | null;
    return parsed?.userId && parsed.token ? { userId: parsed.userId, token: parsed.token } : null;
  } catch {
    return null;
  }
}

/** Asks the local issuer (`POST /local/token`, local mode only) for a token for `userId`. */
export async function requestLocalToken(userId: string, doFetch: typeof fetch = fetch): Promise<string> {
  const response = await doFetch(`${API_URL}/local/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ user_id: userId }),
  });
  const body = (await response.json().catch(() => null)) as {
    token?: string;
    error?: { message?: string };
  } | null;
  if (!response.ok || !body?.token) {
    throw new Error(body?.error?.message ?? `The local sign-in answered ${response.status}.`);
  }
  return body.token;
}

/** Local sign-in backed by the local issuer; the session lives in localStorage. */
export function LocalAuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(readSession);

  const save = useCallback((next: Session | null) => {
    if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else localStorage.removeItem(STORAGE_KEY);
    setSession(next);
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
      isLoaded: true,
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
