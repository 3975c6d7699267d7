import type { ImportResult, ImportPreview as Preview } from '@alex/contract';
import { useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../api/api-context.tsx';
import { ApiError, errorMessage } from '../api/errors.ts';
import { ExportPanel } from '../components/import/export-panel.tsx';
import { ImportPreview } from '../components/import/import-preview.tsx';
import { readFileAsBase64 } from '../components/import/read-file.ts';
import { usePageTitle } from '../components/page-title.ts';

type Step =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string }
  | { kind: 'preview'; name: string; file_base64: string; preview: Preview }
  | { kind: 'importing'; name: string; preview: Preview }
  | { kind: 'done'; name: string; result: ImportResult }
  | { kind: 'failed'; name: string; message: string };

/** Import positions from a CSV (previewed before anything is written) and export everything. */
export default function ImportPage() {
  usePageTitle('Import and export');
  const api = useApi();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [replace, setReplace] = useState(false);

  async function choose(file: File | undefined) {
    if (!file) return;
    setStep({ kind: 'reading', name: file.name });
    try {
      const file_base64 = await readFileAsBase64(file);
      const preview = await api.previewImport({ file_base64 });
      setStep({ kind: 'preview', name: file.name, file_base64, preview });
    } catch (err: unknown) {
      setStep({ kind: 'failed', name: file.name, message: fileProblem(err) });
    } finally {
      // Choosing the same (fixed) file again must fire a change.
      if (input.current) input.current.value = '';
    }
  }

  async function commit() {
    if (step.kind !== 'preview') return;
    setStep({ kind: 'importing', name: step.name, preview: step.preview });
    try {
      const result = await api.importPositions({ file_base64: step.file_base64, replace });
      setStep({ kind: 'done', name: step.name, result });
    } catch (err: unknown) {
      setStep({ kind: 'failed', name: step.name, message: fileProblem(err) });
    }
  }

  return (
    <div className="stack-lg">
      <div className="page-head">
        <h1 className="h1">Import and export</h1>
      </div>
      <section className="card stack" aria-labelledby="import-heading">
        <h2 id="import-heading" className="h2">
          Import positions from a CSV file
        </h2>
        <p className="muted">
          A positions export from <strong>Fidelity</strong> or <strong>Charles Schwab</strong>, or a file of
          your own whose first row is <code>account,symbol,quantity,cash</code> (cash is optional; a row with
          only an account and cash sets that account's cash). Up to 1 MB, saved as UTF-8. You see what would
          change before anything is written; accounts are matched by name, and each listed position gets the
          file's quantity.
        </p>
        <div className="field">
          <label htmlFor={inputId}>CSV file</label>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            disabled={step.kind === 'reading' || step.kind === 'importing'}
            onChange={(event) => choose(event.target.files?.[0])}
          />
        </div>
        {step.kind === 'reading' && (
          <p role="status" aria-live="polite">
            Checking {step.name}…
          </p>
        )}
        {step.kind === 'failed' && (
          <div className="notice error-notice" role="alert">
            <strong>{step.name} was not imported.</strong> {step.message} Nothing was written.
          </div>
        )}
        {(step.kind === 'preview' || step.kind === 'importing') && (
          <>
            <ImportPreview preview={step.preview} />
            {step.preview.can_import && (
              <div className="stack">
                <label className="row">
                  <input
                    type="checkbox"
                    className="checkbox"
                    checked={replace}
                    onChange={(event) => setReplace(event.target.checked)}
                  />
                  <span>Also remove positions of these accounts that the file does not list</span>
                </label>
                <div className="row">
                  <button
                    type="button"
                    className="button"
                    disabled={step.kind === 'importing'}
                    onClick={commit}
                  >
                    {step.kind === 'importing' ? 'Importing…' : `Import ${step.name}`}
                  </button>
                  <button
                    type="button"
                    className="button secondary"
                    disabled={step.kind === 'importing'}
                    onClick={() => setStep({ kind: 'idle' })}
                  >
                    Cancel
                  </button>
                </div>
              </div>
            )}
          </>
        )}
        {step.kind === 'done' && (
          <div className="notice" role="status">
            <p>
              <strong>Imported {step.name}:</strong> {step.result.positions_written}{' '}
              {step.result.positions_written === 1 ? 'position' : 'positions'} in{' '}
              {step.result.accounts_created + step.result.accounts_updated} accounts (
              {step.result.accounts_created} new)
              {step.result.positions_removed > 0 && `, ${step.result.positions_removed} removed`}.
            </p>
            {step.result.new_symbols.length > 0 && (
              <p>New symbols, classified at your next analysis: {step.result.new_symbols.join(', ')}.</p>
            )}
            <p>
              <Link to="/portfolio">See your portfolio</Link>
            </p>
          </div>
        )}
      </section>
      <ExportPanel />
    </div>
  );
}

/** Why a file was refused, in the file's terms (its line, the limit) rather than the API's field names. */
function fileProblem(err: unknown): string {
  if (err instanceof ApiError && err.status === 400 && err.details.length > 0) {
    return err.details
      .map((d) =>
        d.field === 'file' || d.field === 'file_base64' ? d.message : `${capitalise(d.field)}: ${d.message}`,
      )
      .join(' ')
      .concat('.')
      .replace(/\.\.$/, '.');
  }
  return errorMessage(err);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
