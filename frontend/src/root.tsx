import { type ReactNode, StrictMode } from 'react';
import { App } from './app.tsx';
import { AuthProvider } from './auth/auth-provider.tsx';
import { isSignedInPage } from './auth/signed-in-pages.ts';
import { ErrorBoundary } from './components/error-boundary.tsx';

/**
 * The whole app inside the router it is given: the browser passes BrowserRouter, the build-time
 * pre-render a StaticRouter, and both render this same tree, so the browser hydrates what the HTML holds.
 */
export function Root({ router }: { router: (app: ReactNode) => ReactNode }) {
  return (
    <StrictMode>
      <ErrorBoundary>
        {router(
          <AuthProvider>
            <App />
          </AuthProvider>,
        )}
      </ErrorBoundary>
    </StrictMode>
  );
}

/** Which pre-rendered page, if any, an address hydrates: the landing page, or the signed-in shell. */
export type Prerendered = 'landing' | 'shell';

/** The pre-rendered page that matches `pathname`, or undefined when the page must render in the browser. */
export function prerenderedFor(pathname: string): Prerendered | undefined {
  if (pathname === '/') return 'landing';
  return isSignedInPage(pathname) ? 'shell' : undefined;
}
