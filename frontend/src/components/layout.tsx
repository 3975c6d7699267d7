import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/auth-context.ts';
import { isSignedInPage } from '../auth/signed-in-pages.ts';
import { leaveBy } from '../lib/leave-guard.ts';
import { Disclaimer } from './disclaimer.tsx';

const LINKS = [
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/portfolio', label: 'Portfolio' },
  { to: '/reports', label: 'Reports' },
  { to: '/settings', label: 'Settings' },
] as const;

/** The page frame: skip link, header with navigation and sign-out, main content, disclaimer. */
export function Layout() {
  const { userId, signOut, mode, isLoaded } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);

  // After client-side navigation, move focus to the new page so screen readers announce it. Not on
  // the first load (nor StrictMode's second effect run), where the first Tab must reach the skip link.
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    mainRef.current?.focus();
  }, [pathname]);

  // Signing out leaves the page: a form with unsaved edits asks first, as a link off the page does.
  function onSignOut() {
    leaveBy(async () => {
      await signOut();
      navigate('/', { replace: true });
    });
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to={userId ? '/dashboard' : '/'} className="brand">
            Alex
          </Link>
          {userId && (
            <nav aria-label="Main">
              <ul>
                {LINKS.map((link) => (
                  <li key={link.to}>
                    <NavLink to={link.to}>{link.label}</NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div className="header-user">
            {/* While a signed-in page checks who is there, offer neither sign-in nor sign-out. */}
            {!isLoaded && isSignedInPage(pathname) ? null : userId ? (
              <>
                {mode === 'local' && <span className="muted user-id">{userId}</span>}
                <button type="button" className="button link" onClick={onSignOut}>
                  Sign out
                </button>
              </>
            ) : (
              <Link to="/sign-in" className="button secondary">
                Sign in
              </Link>
            )}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={mainRef}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <Disclaimer compact />
      </footer>
    </>
  );
}
