import type { User } from '@alex/contract';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BrowserRouter, Link, useLocation } from 'react-router-dom';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PlanForm } from '../src/components/settings/plan-form.tsx';
import { SettingsForm } from '../src/components/settings/settings-form.tsx';
import { leaveBy, watchHistory } from '../src/lib/leave-guard.ts';
import { noPlan } from './fixtures.ts';

const user: User = {
  clerk_user_id: 'user_test_123',
  display_name: 'Test User',
  years_until_retirement: 20,
  target_retirement_income: '60000.00',
  asset_class_targets: { equity: 70, fixed_income: 30 },
  region_targets: { north_america: 50, international: 50 },
  ...noPlan,
  created_at: '2026-11-25T10:00:00Z',
  updated_at: '2026-11-25T10:00:00Z',
};

function assetTargets() {
  return screen.getByRole('group', { name: 'Asset-class targets' });
}

describe('SettingsForm', () => {
  it('shows the live total of the targets as they are typed', async () => {
    render(<SettingsForm user={user} onSave={vi.fn()} />);
    const equity = screen.getAllByLabelText('Equity (%)')[0] as HTMLInputElement;

    await userEvent.clear(equity);
    await userEvent.type(equity, '60');

    expect(assetTargets().textContent).toContain('Total: 90%');
    expect(assetTargets().textContent).toContain('Targets must add up to 100% (now 90%)');
  });

  it('rejects targets that do not sum to 100 without calling the API', async () => {
    const onSave = vi.fn();
    render(<SettingsForm user={user} onSave={onSave} />);
    const equity = screen.getAllByLabelText('Equity (%)')[0] as HTMLInputElement;
    await userEvent.clear(equity);
    await userEvent.type(equity, '80');

    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getAllByRole('alert').some((el) => el.textContent?.includes('(now 110%)'))).toBe(true);
  });

  it('saves targets that sum to 100, leaving out zero entries', async () => {
    const onSave = vi.fn(async () => user);
    render(<SettingsForm user={user} onSave={onSave} />);
    const equity = screen.getAllByLabelText('Equity (%)')[0] as HTMLInputElement;
    const cash = screen.getAllByLabelText('Cash (%)')[0] as HTMLInputElement;
    await userEvent.clear(equity);
    await userEvent.type(equity, '60');
    await userEvent.type(cash, '10');

    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(onSave).toHaveBeenCalledWith({
      display_name: 'Test User',
      asset_class_targets: { equity: 60, fixed_income: 30, cash: 10 },
      region_targets: { north_america: 50, international: 50 },
    });
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
  });
});

describe('SettingsForm unsaved changes', () => {
  function renderWithLink(onSave = vi.fn(async () => user)) {
    render(
      <>
        <a href="/dashboard">Dashboard</a>
        <SettingsForm user={user} onSave={onSave} />
      </>,
    );
    return { onSave, link: screen.getByRole('link', { name: 'Dashboard' }) };
  }

  it('asks before a link leaves unsaved edits behind, and stays on Cancel', async () => {
    const { link } = renderWithLink();
    const followed = vi.fn((event: MouseEvent) => event.preventDefault());
    link.addEventListener('click', followed);
    await userEvent.type(screen.getByLabelText('Display name'), ' Jr');

    await userEvent.click(link);

    expect(followed).not.toHaveBeenCalled();
    expect(screen.getByRole('alertdialog', { name: 'Leave without saving?' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(followed).not.toHaveBeenCalled();
  });

  it('follows the link when the user agrees to leave', async () => {
    const { link } = renderWithLink();
    const followed = vi.fn((event: MouseEvent) => event.preventDefault());
    link.addEventListener('click', followed);
    await userEvent.type(screen.getByLabelText('Display name'), ' Jr');

    await userEvent.click(link);
    await userEvent.click(screen.getByRole('button', { name: 'Leave without saving' }));

    expect(followed).toHaveBeenCalledTimes(1);
  });

  it('lets links through once the edits are saved', async () => {
    const { link } = renderWithLink();
    const followed = vi.fn((event: MouseEvent) => event.preventDefault());
    link.addEventListener('click', followed);
    await userEvent.type(screen.getByLabelText('Display name'), ' Jr');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved.');

    await userEvent.click(link);

    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(followed).toHaveBeenCalledTimes(1);
  });
});

describe('SettingsForm unsaved changes and signing out', () => {
  function renderWithSignOut() {
    const signOut = vi.fn();
    render(
      <>
        <button type="button" onClick={() => leaveBy(signOut)}>
          Sign out
        </button>
        <SettingsForm user={user} onSave={vi.fn(async () => user)} />
      </>,
    );
    return { signOut, button: screen.getByRole('button', { name: 'Sign out' }) };
  }

  it('signs out at once when nothing is unsaved', async () => {
    const { signOut, button } = renderWithSignOut();

    await userEvent.click(button);

    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(signOut).toHaveBeenCalledTimes(1);
  });

  it('asks before signing out leaves unsaved edits behind, and keeps them on Cancel', async () => {
    const { signOut, button } = renderWithSignOut();
    await userEvent.type(screen.getByLabelText('Display name'), ' Jr');

    await userEvent.click(button);
    expect(screen.getByRole('alertdialog', { name: 'Leave without saving?' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(signOut).not.toHaveBeenCalled();
    expect((screen.getByLabelText('Display name') as HTMLInputElement).value).toBe('Test User Jr');
  });

  it('signs out when the user agrees to leave the edits, without the browser asking again', async () => {
    const { signOut, button } = renderWithSignOut();
    // Clerk's sign-out may load another page: the tab's own question must not follow the dialog's.
    const browserAsks = () => {
      const unload = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(unload);
      return unload.defaultPrevented;
    };
    signOut.mockImplementation(() => {
      expect(browserAsks()).toBe(false);
    });
    await userEvent.type(screen.getByLabelText('Display name'), ' Jr');
    expect(browserAsks()).toBe(true);

    await userEvent.click(button);
    await userEvent.click(screen.getByRole('button', { name: 'Leave without saving' }));

    await waitFor(() => expect(signOut).toHaveBeenCalledTimes(1));
    expect(signOut).toHaveReturned();
  });
});

describe('SettingsForm unsaved changes and the browser history', () => {
  // As main.tsx does, before any router listens.
  beforeAll(() => watchHistory());

  /** The app's pages, in the tab's real history: links between them, and two of the forms on /settings. */
  function Pages() {
    const { pathname } = useLocation();
    return (
      <>
        <p>At {pathname}</p>
        <Link to="/settings">Settings</Link>
        <Link to="/portfolio">Portfolio</Link>
        {pathname === '/settings' && (
          <>
            <SettingsForm user={user} onSave={vi.fn(async () => user)} />
            <PlanForm user={user} onSave={vi.fn(async () => user)} thisYear={2026} />
          </>
        )}
      </>
    );
  }

  /** Opens `first`, follows the links to each of `then` in turn, and waits for the last page. */
  async function visit(first: string, ...then: ('Settings' | 'Portfolio')[]) {
    window.history.replaceState(null, '', first);
    render(
      <BrowserRouter>
        <Pages />
      </BrowserRouter>,
    );
    for (const name of then) {
      await userEvent.click(screen.getByRole('link', { name }));
      await screen.findByText(`At /${name.toLowerCase()}`);
    }
  }

  const editName = () => userEvent.type(screen.getByLabelText('Display name'), ' Jr');
  const name = () => (screen.getByLabelText('Display name') as HTMLInputElement).value;

  it('asks before Back leaves unsaved edits behind, and keeps the address and the edits on Cancel', async () => {
    await visit('/dashboard', 'Settings');
    await editName();

    window.history.back();

    expect(await screen.findByRole('alertdialog', { name: 'Leave without saving?' })).toBeTruthy();
    await waitFor(() => expect(window.location.pathname).toBe('/settings'));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByText('At /settings')).toBeTruthy();
    expect(name()).toBe('Test User Jr');
  });

  it('goes Back when the user agrees to leave', async () => {
    await visit('/dashboard', 'Settings');
    await editName();

    window.history.back();
    await userEvent.click(await screen.findByRole('button', { name: 'Leave without saving' }));

    expect(await screen.findByText('At /dashboard')).toBeTruthy();
    expect(window.location.pathname).toBe('/dashboard');
  });

  it('asks before Forward leaves unsaved edits behind, and goes Forward when the user agrees', async () => {
    await visit('/settings', 'Portfolio');
    window.history.back();
    await screen.findByText('At /settings');
    await editName();

    window.history.forward();
    await userEvent.click(await screen.findByRole('button', { name: 'Leave without saving' }));

    expect(await screen.findByText('At /portfolio')).toBeTruthy();
  });

  it('asks once for two forms with unsaved edits, and again at the next Back after Cancel', async () => {
    await visit('/dashboard', 'Settings');
    await editName();
    await userEvent.type(screen.getByLabelText('Retirement age'), '67');

    window.history.back();
    await screen.findByRole('alertdialog');
    expect(screen.getAllByRole('alertdialog')).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    window.history.back();
    await screen.findByRole('alertdialog');

    expect(screen.getAllByRole('alertdialog')).toHaveLength(1);
    await waitFor(() => expect(window.location.pathname).toBe('/settings'));
    expect(screen.getByText('At /settings')).toBeTruthy();
  });

  it('lets Back through once the edits are saved', async () => {
    await visit('/dashboard', 'Settings');
    await editName();
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved.');

    window.history.back();

    expect(await screen.findByText('At /dashboard')).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
