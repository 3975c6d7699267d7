import { Navigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../auth/auth-context.ts';
import { useNeedSignIn } from '../auth/auth-provider.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { Loading } from '../components/states.tsx';

/** Only same-site paths are followed after sign-in, never another origin. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/dashboard';
}

/** Sign-in: Clerk's widget or the local user picker, then back to where the user was going. */
export default function SignInPage() {
  usePageTitle('Sign in');
  useNeedSignIn();
  const { isLoaded, userId, SignInView } = useAuth();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  if (!isLoaded) return <Loading label="Checking sign-in" />;
  if (userId) return <Navigate to={next} replace />;
  return (
    <div className="narrow stack">
      <h1 className="h1">Sign in</h1>
      {params.has('expired') ? (
        <p className="notice" role="status">
          Your session has expired or was not accepted. Please sign in again.
        </p>
      ) : (
        params.has('next') && <p className="muted">Sign in to continue.</p>
      )}
      <SignInView next={next} />
    </div>
  );
}
