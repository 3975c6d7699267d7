import type { ImportPreview as Preview } from '@alex/contract';
import { formatMoney, formatQuantity } from '../format.ts';

/** What an import would do: accounts, new symbols, and every row with its problems. */
export function ImportPreview({ preview }: { preview: Preview }) {
  const problems = preview.rows.filter((r) => r.status === 'error');
  return (
    <div className="stack">
      <p>
        Read as a <strong>{preview.format_label}</strong>: {preview.rows.length}{' '}
        {preview.rows.length === 1 ? 'row' : 'rows'}
        {preview.ignored && (
          <span className="muted">
            {' '}
            ({preview.ignored.lines} {preview.ignored.lines === 1 ? 'line' : 'lines'} after the blank line{' '}
            {preview.ignored.after_line} not read)
          </span>
        )}
        .
      </p>
      {problems.length > 0 ? (
        <div className="notice error-notice" role="alert">
          <strong>
            {problems.length} {problems.length === 1 ? 'row has an error' : 'rows have errors'}; nothing has
            been imported.
          </strong>{' '}
          Fix {problems.length === 1 ? 'it' : 'them'} in the file and choose it again.
          <ul className="plain-list">
            {problems.map((row) => (
              <li key={row.line}>
                Line {row.line}: {row.messages.join('; ')}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">Accounts the import will change</caption>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col" className="num">
                  Positions
                </th>
                <th scope="col" className="num">
                  Cash
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.accounts.map((a) => (
                <tr key={a.account_name}>
                  <th scope="row">
                    {a.account_name}{' '}
                    <span className="muted small">{a.exists ? '(existing: updated)' : '(new)'}</span>
                  </th>
                  <td className="num">{a.positions}</td>
                  <td className="num">
                    {a.cash_balance === null ? (
                      <span className="muted">unchanged</span>
                    ) : (
                      formatMoney(a.cash_balance)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview.new_symbols.length > 0 && (
        <p className="muted small">
          New to Alex, classified at your next analysis: {preview.new_symbols.join(', ')}.
        </p>
      )}
      <details open={problems.length > 0}>
        <summary>Every row of the file</summary>
        <div className="table-wrap">
          <table className="import-rows">
            <caption className="sr-only">Rows of the file</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Line
                </th>
                <th scope="col">Account</th>
                <th scope="col">Symbol</th>
                <th scope="col" className="num">
                  Quantity
                </th>
                <th scope="col" className="num">
                  Cash
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.line} className={row.status === 'error' ? 'row-error' : undefined}>
                  <td className="num">{row.line}</td>
                  <td>{row.account}</td>
                  <td>{row.symbol}</td>
                  <td className="num">
                    {row.quantity && row.status !== 'error' ? formatQuantity(row.quantity) : row.quantity}
                  </td>
                  <td className="num">{row.cash}</td>
                  <td>
                    {row.status === 'error' ? (
                      <strong>Error</strong>
                    ) : row.status === 'skipped' ? (
                      'Skipped'
                    ) : (
                      'OK'
                    )}
                    {row.messages.length > 0 && <span className="small">: {row.messages.join('; ')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
