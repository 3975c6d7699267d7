import { useState } from 'react';
import { useApi } from '../../api/api-context.tsx';
import { errorMessage } from '../../api/errors.ts';
import { downloadText } from './read-file.ts';

/** Downloads of the user's accounts, positions and latest report, as CSV or JSON. */
export function ExportPanel() {
  const api = useApi();
  const [busy, setBusy] = useState<'csv' | 'json' | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(format: 'csv' | 'json') {
    setBusy(format);
    setError(null);
    try {
      const text = await api.exportPortfolio(format);
      const day = new Date().toISOString().slice(0, 10);
      downloadText(
        text,
        `alex-portfolio-${day}.${format}`,
        format === 'csv' ? 'text/csv' : 'application/json',
      );
    } catch (err: unknown) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card stack" aria-labelledby="export-heading">
      <h2 id="export-heading" className="h2">
        Export
      </h2>
      <p className="muted">
        Your accounts, positions (with prices and the day each price is for) and your latest report. The CSV's
        positions table can be imported again; no cell in it runs as a spreadsheet formula.
      </p>
      <div className="row">
        <button
          type="button"
          className="button secondary"
          disabled={busy !== null}
          onClick={() => download('csv')}
        >
          {busy === 'csv' ? 'Preparing…' : 'Download CSV'}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={busy !== null}
          onClick={() => download('json')}
        >
          {busy === 'json' ? 'Preparing…' : 'Download JSON'}
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
