import { ClerkProvider, SignIn, useAuth as useClerkAuth } from '@clerk/react';
import { type ReactNode, useMemo } from 'react';
import { AuthContext, type AuthValue, type SignInView } from './auth-context.ts';

/** Clerk's hosted sign-in widget, returning to `next` afterwards. */
const ClerkSignInView: SignInView = ({ next }) => (
  <SignIn routing="hash" forceRedirectUrl={next} signUpForceRedirectUrl={next} />
);

function ClerkBridge({ children }: { children: ReactNode }) {
  const clerk = useClerkAuth();
  const { isLoaded, userId, getToken, signOut } = clerk;
  const value = useMemo<AuthValue>(
    () => ({
      mode: 'clerk',
      isLoaded,
      userId: userId ?? null,
      getToken: () => getToken(),
      refreshToken: () => getToken({ skipCache: true }),
      signOut: (redirectTo) => signOut({ redirectUrl: redirectTo ?? '/' }),
      SignInView: ClerkSignInView,
    }),
    [isLoaded, userId, getToken, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** Clerk sign-in, used when VITE_CLERK_PUBLISHABLE_KEY is set; loaded as its own chunk. */
export default function ClerkAuthProvider({
  publishableKey,
  children,
}: {
  publishableKey: string;
  children: ReactNode;
}) {
  return (
    <ClerkProvider publishableKey={publishableKey} afterSignOutUrl="/">
      <ClerkBridge>{children}</ClerkBridge>
    </ClerkProvider>
  );
}
