import type { User, UserUpdate } from '@alex/contract';
import { ASSET_CLASSES, REGION_TARGET_KEYS } from '@alex/core/taxonomy';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { useUnsavedChanges } from '../../lib/use-unsaved-changes.tsx';
import { Field } from '../field.tsx';
import {
  entryErrors,
  REGION_TARGET_EXPLANATION,
  regionTargetLabel,
  toInputs,
  toMap,
  totalError,
} from './targets.ts';
import { TargetsEditor } from './targets-editor.tsx';

/** The settings form (name and allocation targets; the retirement plan has its own form); the targets must each sum to 100 before anything is sent. */
export function SettingsForm({
  user,
  onSave,
}: {
  user: User;
  onSave: (update: UserUpdate) => Promise<User>;
}) {
  const [name, setName] = useState(user.display_name ?? '');
  const [assets, setAssets] = useState(() => toInputs(ASSET_CLASSES, user.asset_class_targets));
  const [regions, setRegions] = useState(() => toInputs(REGION_TARGET_KEYS, user.region_targets));
  const [submitted, setSubmitted] = useState(false);
  const [status, setStatus] = useState<{ kind: 'saved' } | { kind: 'error'; error: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const current = JSON.stringify([name, assets, regions]);
  const [savedAs, setSavedAs] = useState(current);
  const unsavedPrompt = useUnsavedChanges(current !== savedAs, 'your settings');

  const errors = {
    name: name.length > 255 ? 'Use at most 255 characters.' : null,
    assets:
      totalError(assets) ??
      (Object.keys(entryErrors(assets)).length > 0 ? 'Fix the asset-class entries.' : null),
    regions:
      totalError(regions) ??
      (Object.keys(entryErrors(regions)).length > 0 ? 'Fix the region entries.' : null),
  };
  const invalid = Object.values(errors).some(Boolean);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setStatus(null);
    if (invalid) return;
    setBusy(true);
    try {
      await onSave({
        display_name: name.trim() || null,
        asset_class_targets: toMap(assets),
        region_targets: toMap(regions),
      });
      setSavedAs(current);
      setStatus({ kind: 'saved' });
    } catch (err: unknown) {
      setStatus({ kind: 'error', error: err });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label="Settings">
      {unsavedPrompt}
      <div className="form-grid">
        <Field
          id="settings-name"
          label="Display name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          autoComplete="name"
        />
      </div>
      <TargetsEditor
        legend="Asset-class targets"
        inputs={assets}
        onChange={setAssets}
        showErrors={submitted}
      />
      <TargetsEditor
        legend="Region targets"
        inputs={regions}
        onChange={setRegions}
        showErrors={submitted}
        explanation={REGION_TARGET_EXPLANATION}
        labelFor={regionTargetLabel}
      />
      <div className="row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save settings'}
        </button>
        <span role="status" aria-live="polite">
          {status?.kind === 'saved' && 'Settings saved.'}
        </span>
      </div>
      {submitted && invalid && (
        <p className="error-text" role="alert">
          Please fix the highlighted fields: {Object.values(errors).filter(Boolean).join(' ')}
        </p>
      )}
      {status?.kind === 'error' && (
        <div className="error-text" role="alert">
          {errorMessage(status.error)}
        </div>
      )}
    </form>
  );
}
