import { errorMessage } from '../../api/errors.ts';
import type { SaveStatus } from './use-form-save.ts';

/** The alert for a form sent with errors: each field's error, in the form's order. */
export function fixFieldsMessage(errors: Record<string, string | null>): string {
  return `Please fix the highlighted fields: ${Object.values(errors).filter(Boolean).join(' ')}`;
}

/**
 * A /settings form's Save button and what follows it: "Saving…" while busy, `savedMessage` once
 * saved, `fixMessage` (null: none) when the form was sent with errors, and the API's error.
 */
export function SaveFooter({
  label,
  savedMessage,
  fixMessage,
  busy,
  status,
}: {
  label: string;
  savedMessage: string;
  fixMessage: string | null;
  busy: boolean;
  status: SaveStatus;
}) {
  return (
    <>
      <div className="row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : label}
        </button>
        <span role="status" aria-live="polite">
          {status?.kind === 'saved' && savedMessage}
        </span>
      </div>
      {fixMessage !== null && (
        <p className="error-text" role="alert">
          {fixMessage}
        </p>
      )}
      {status?.kind === 'error' && (
        <div className="error-text" role="alert">
          {errorMessage(status.error)}
        </div>
      )}
    </>
  );
}
