import { type ComponentType, createContext, useContext } from 'react';

/** What the sign-in page renders: Clerk's widget, or the local user picker. */
export type SignInView = ComponentType<{ next: string }>;

/** One interface over Clerk and the local issuer, so pages never know which is in use. */
export interface AuthValue {
  mode: 'clerk' | 'local';
  /** False until the provider knows whether someone is signed in. */
  isLoaded: boolean;
  userId: string | null;
  /** The bearer token for API calls, or null when signed out. */
  getToken(): Promise<string | null>;
  /** A new token after the API said 401 (an expired token), or null. */
  refreshToken(): Promise<string | null>;
  /** Ends the session; Clerk then goes to `redirectTo` (default '/'). */
  signOut(redirectTo?: string): Promise<void>;
  SignInView: SignInView;
}

export const AuthContext = createContext<AuthValue | null>(null);

/** The current auth state; must be used under an auth provider. */
export function useAuth(): AuthValue {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used under an auth provider');
  return auth;
}
