import { errorMessage } from '../../api/errors.ts';
import type { FormSave } from './use-form-save.ts';

/** The alert for a form with errors: each field's error, in the form's order; null when there are none. */
export function fixFieldsMessage(errors: Record<string, string | null>): string | null {
  const problems = Object.values(errors).filter(Boolean);
  return problems.length === 0 ? null : `Please fix the highlighted fields: ${problems.join(' ')}`;
}

/**
 * A /settings form's Save button and what follows it: "Saving…" while busy, `savedMessage` once
 * saved, `fixMessage` (the form's errors, or null) once Save was pressed, and the API's error.
 */
export function SaveFooter({
  form: { submitted, busy, status },
  label,
  savedMessage,
  fixMessage,
}: {
  form: Pick<FormSave, 'submitted' | 'busy' | 'status'>;
  label: string;
  savedMessage: string;
  fixMessage: string | null;
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
      {submitted && fixMessage !== null && (
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
