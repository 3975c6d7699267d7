import type { User, UserUpdate } from '@alex/contract';
import { ASSET_CLASSES, REGION_TARGET_KEYS } from '@alex/core/taxonomy';
import { type FormEvent, useState } from 'react';
import { Field } from '../field.tsx';
import { fixFieldsMessage, SaveFooter } from './save-footer.tsx';
import {
  entryErrors,
  REGION_TARGET_EXPLANATION,
  regionTargetLabel,
  toInputs,
  toMap,
  totalError,
} from './targets.ts';
import { TargetsEditor } from './targets-editor.tsx';
import { useFormSave } from './use-form-save.ts';

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
  const current = JSON.stringify([name, assets, regions]);
  const form = useFormSave(current, 'your settings');

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

  const submit = (event: FormEvent) =>
    form.submit(event, invalid, async () => {
      await onSave({
        display_name: name.trim() || null,
        asset_class_targets: toMap(assets),
        region_targets: toMap(regions),
      });
      return current;
    });

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label="Settings">
      {form.unsavedPrompt}
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
        showErrors={form.submitted}
      />
      <TargetsEditor
        legend="Region targets"
        inputs={regions}
        onChange={setRegions}
        showErrors={form.submitted}
        explanation={REGION_TARGET_EXPLANATION}
        labelFor={regionTargetLabel}
      />
      <SaveFooter
        form={form}
        label="Save settings"
        savedMessage="Settings saved."
        fixMessage={fixFieldsMessage(errors)}
      />
    </form>
  );
}
