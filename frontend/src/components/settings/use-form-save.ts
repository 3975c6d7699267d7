import { type FormEvent, type ReactElement, useState } from 'react';
import { useUnsavedChanges } from '../../lib/use-unsaved-changes.tsx';

/** How a form's last save went: saved, failed with the API's error, or nothing to say yet. */
export type SaveStatus = { kind: 'saved' } | { kind: 'error'; error: unknown } | null;

/** What `useFormSave` hands its form. */
export interface FormSave {
  /** Whether Save was pressed once: from then on the form shows its fields' errors. */
  submitted: boolean;
  busy: boolean;
  status: SaveStatus;
  /** The unsaved-changes dialog (or null): render it anywhere in the form. */
  unsavedPrompt: ReactElement | null;
  clearStatus(): void;
  /**
   * The form's submit: stops there when `invalid`, else runs `save`, which resolves to the snapshot
   * of what is now saved (the form's own, or the one the server's answer gave it).
   */
  submit(event: FormEvent, invalid: boolean, save: () => Promise<string>): Promise<void>;
}

/**
 * A /settings form's save cycle: busy while saving, a saved or error status after, and the
 * unsaved-changes guard while `snapshot` (the form's inputs, serialised) differs from what was saved.
 * `what` names the edits in the guard's question ("your settings").
 */
export function useFormSave(snapshot: string, what: string): FormSave {
  const [submitted, setSubmitted] = useState(false);
  const [status, setStatus] = useState<SaveStatus>(null);
  const [busy, setBusy] = useState(false);
  const [savedAs, setSavedAs] = useState(snapshot);
  const unsavedPrompt = useUnsavedChanges(snapshot !== savedAs, what);

  async function submit(event: FormEvent, invalid: boolean, save: () => Promise<string>) {
    event.preventDefault();
    setSubmitted(true);
    setStatus(null);
    if (invalid) return;
    setBusy(true);
    try {
      setSavedAs(await save());
      setStatus({ kind: 'saved' });
    } catch (err: unknown) {
      setStatus({ kind: 'error', error: err });
    } finally {
      setBusy(false);
    }
  }

  return { submitted, busy, status, unsavedPrompt, clearStatus: () => setStatus(null), submit };
}
