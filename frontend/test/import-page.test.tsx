import type { ImportPreview } from '@alex/contract';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/api/errors.ts';
import ImportPage from '../src/pages/import.tsx';
import { fakeApi, Providers } from './fake-api.tsx';

const row = (line: number, status: 'ok' | 'error', messages: string[] = []) => ({
  line,
  kind: 'position' as const,
  account: 'IRA',
  symbol: 'SPY',
  quantity: status === 'ok' ? '2' : '-1',
  cash: null,
  status,
  messages,
});

const preview = (rows: ImportPreview['rows']): ImportPreview => ({
  format: 'generic',
  format_label: 'Generic CSV (account, symbol, quantity, cash)',
  rows,
  accounts: [{ account_name: 'IRA', exists: false, cash_balance: null, positions: 1 }],
  new_symbols: [],
  errors: rows.filter((r) => r.status === 'error').length,
  ignored: null,
  can_import: rows.every((r) => r.status !== 'error'),
});

const csv = (text: string, name = 'positions.csv') => new File([text], name, { type: 'text/csv' });

describe('ImportPage', () => {
  it('shows each bad row of the preview and offers no import', async () => {
    const api = fakeApi({
      previewImport: vi.fn(async () =>
        preview([row(2, 'ok'), row(3, 'error', ['quantity: must be greater than 0'])]),
      ),
    });
    render(
      <Providers api={api}>
        <ImportPage />
      </Providers>,
    );

    await userEvent.upload(screen.getByLabelText('CSV file'), csv('account,symbol,quantity\n'));

    expect((await screen.findByRole('alert')).textContent).toContain(
      'Line 3: quantity: must be greater than 0',
    );
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    expect(api.importPositions).not.toHaveBeenCalled();
  });

  it('imports a clean file after its preview, sending the same bytes', async () => {
    const api = fakeApi({
      previewImport: vi.fn(async () => preview([row(2, 'ok')])),
      importPositions: vi.fn(async () => ({
        format: 'generic' as const,
        accounts_created: 1,
        accounts_updated: 0,
        positions_written: 1,
        positions_removed: 0,
        new_symbols: [],
      })),
    });
    render(
      <Providers api={api}>
        <ImportPage />
      </Providers>,
    );

    await userEvent.upload(screen.getByLabelText('CSV file'), csv('account,symbol,quantity\nIRA,SPY,2\n'));
    await userEvent.click(await screen.findByRole('button', { name: 'Import positions.csv' }));

    expect((await screen.findByRole('status')).textContent).toContain(
      'Imported positions.csv: 1 position in 1 accounts',
    );
    const sent = btoa('account,symbol,quantity\nIRA,SPY,2\n');
    expect(api.previewImport).toHaveBeenCalledWith({ file_base64: sent });
    expect(api.importPositions).toHaveBeenCalledWith({ file_base64: sent, replace: false });
  });

  it('refuses a file over 1 MB without sending it', async () => {
    const api = fakeApi();
    render(
      <Providers api={api}>
        <ImportPage />
      </Providers>,
    );

    await userEvent.upload(screen.getByLabelText('CSV file'), csv('a'.repeat(1024 * 1024 + 1), 'big.csv'));

    expect((await screen.findByRole('alert')).textContent).toContain('Alex imports files up to 1 MB');
    expect(api.previewImport).not.toHaveBeenCalled();
  });

  it('shows a whole-file problem in the file’s terms', async () => {
    const api = fakeApi({
      previewImport: vi.fn(async () => {
        throw new ApiError(400, 'validation_error', 'The request is invalid', [
          {
            field: 'file',
            message: 'Line 2: The file is not UTF-8 text: save it as "CSV UTF-8" and try again',
          },
        ]);
      }),
    });
    render(
      <Providers api={api}>
        <ImportPage />
      </Providers>,
    );

    await userEvent.upload(screen.getByLabelText('CSV file'), csv('x'));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'positions.csv was not imported. Line 2: The file is not UTF-8 text: save it as "CSV UTF-8" and try again. Nothing was written.',
    );
  });
});
