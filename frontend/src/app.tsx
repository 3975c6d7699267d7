import { lazy, type ReactNode, Suspense } from 'react';
import { Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { ApiProvider } from './api/api-context.tsx';
import { RequireAuth } from './auth/require-auth.tsx';
import { ErrorBoundary } from './components/error-boundary.tsx';
import { Layout } from './components/layout.tsx';
import { Loading } from './components/states.tsx';
import { LandingPage } from './pages/landing.tsx';

// Every page but the landing page is a chunk of its own, fetched when first visited.
const DashboardPage = lazy(() => import('./pages/dashboard.tsx'));
const PortfolioPage = lazy(() => import('./pages/portfolio.tsx'));
const RebalancePage = lazy(() => import('./pages/rebalance.tsx'));
const ReportsPage = lazy(() => import('./pages/reports.tsx'));
const ReportPage = lazy(() => import('./pages/report.tsx'));
const SettingsPage = lazy(() => import('./pages/settings.tsx'));
const ImportPage = lazy(() => import('./pages/import.tsx'));
const SignInPage = lazy(() => import('./pages/sign-in.tsx'));
const NotFoundPage = lazy(() => import('./pages/not-found.tsx'));

const guarded = (page: ReactNode) => <RequireAuth>{page}</RequireAuth>;

/** The routes; a render error resets when the user navigates elsewhere. */
export function App() {
  const location = useLocation();
  return (
    <ApiProvider>
      <Routes>
        <Route element={<Layout />}>
          <Route
            element={
              <ErrorBoundary key={location.pathname}>
                <Suspense fallback={<Loading label="Loading page" />}>
                  <Outlet />
                </Suspense>
              </ErrorBoundary>
            }
          >
            <Route index element={<LandingPage />} />
            <Route path="sign-in" element={<SignInPage />} />
            <Route path="dashboard" element={guarded(<DashboardPage />)} />
            <Route path="portfolio" element={guarded(<PortfolioPage />)} />
            <Route path="rebalance" element={guarded(<RebalancePage />)} />
            <Route path="reports" element={guarded(<ReportsPage />)} />
            <Route path="reports/:jobId" element={guarded(<ReportPage />)} />
            <Route path="settings" element={guarded(<SettingsPage />)} />
            <Route path="import" element={guarded(<ImportPage />)} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </ApiProvider>
  );
}
