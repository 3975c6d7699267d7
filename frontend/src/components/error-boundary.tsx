import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** Catches render errors below it and shows a recovery screen instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Render error', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // A chunk that failed to load after a deploy needs a reload, not a retry.
    const stale = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(
      error.message,
    );
    return (
      <div className="state error page" role="alert">
        <h1 className="h2">Something went wrong</h1>
        <p>
          {stale
            ? 'Part of the app could not be loaded. A new version may have been released.'
            : 'This page hit an unexpected error. Your data is safe.'}
        </p>
        <div className="row">
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>
          {!stale && (
            <button type="button" className="button secondary" onClick={() => this.setState({ error: null })}>
              Try again
            </button>
          )}
        </div>
      </div>
    );
  }
}
