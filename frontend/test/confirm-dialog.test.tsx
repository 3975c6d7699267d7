import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from '../src/components/confirm-dialog.tsx';

describe('ConfirmDialog', () => {
  it('focuses Cancel first, so Enter never deletes by accident', () => {
    render(
      <ConfirmDialog
        title="Delete SPY?"
        confirmLabel="Delete position"
        onConfirm={vi.fn()}
        onCancel={vi.fn()}
      />,
    );

    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
  });

  it('cancels on Escape', async () => {
    const onCancel = vi.fn();
    render(
      <ConfirmDialog
        title="Delete SPY?"
        confirmLabel="Delete position"
        onConfirm={vi.fn()}
        onCancel={onCancel}
      />,
    );

    await userEvent.keyboard('{Escape}');

    expect(onCancel).toHaveBeenCalled();
  });

  it('confirms with its labelled button', async () => {
    const onConfirm = vi.fn();
    render(
      <ConfirmDialog
        title="Delete SPY?"
        confirmLabel="Delete position"
        onConfirm={onConfirm}
        onCancel={vi.fn()}
      />,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Delete position' }));

    expect(onConfirm).toHaveBeenCalled();
    expect(screen.getByRole('alertdialog', { name: 'Delete SPY?' })).toBeTruthy();
  });
});
