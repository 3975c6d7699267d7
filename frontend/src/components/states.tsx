import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/errors.ts';

/** A polite loading indicator announced to screen readers. */
export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="state loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}…</span>
    </div>
  );
}

/** Whether trying the same request again cannot help: the thing is missing or the address is malformed. */
export function isPermanent(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400);
}

/**
 * An error with the API's message. A retry is offered only where it can help (not for a 404 or a
 * 400); `next` is the step to take instead, such as a link back to a list.
 */
export function ErrorState({
  error,
  title,
  onRetry,
  next,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  next?: ReactNode;
}) {
  const permanent = isPermanent(error);
  return (
    <div className="state error" role="alert">
      <h2 className="h3">{title ?? (permanent ? 'Not found' : 'Something went wrong')}</h2>
      <p>{errorMessage(error)}</p>
      {next}
      {onRetry && !permanent && (
        <button type="button" className="button secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** What a page shows when there is nothing yet, with the next step to take. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state empty">
      <h2 className="h3">{title}</h2>
      {children}
    </div>
  );
}
