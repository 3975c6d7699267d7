import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../api/errors.ts';

const RECENT_KEY = 'alex.local-users';
/** The demo user that `pnpm dev` seeds with three accounts. */
const DEMO_USER = 'user_test_123';
const USER_ID = /^[A-Za-z0-9_\-.:@|]{1,255}$/;

function recentUsers(): string[] {
  try {
    const list = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function remember(userId: string) {
  const list = [userId, ...recentUsers().filter((u) => u !== userId)].slice(0, 5);
  localStorage.setItem(RECENT_KEY, JSON.stringify(list));
}

/** The local sign-in: pick a known user id or type one; the local issuer signs a token for it. */
export function LocalSignIn({ next, signIn }: { next: string; signIn(userId: string): Promise<void> }) {
  const navigate = useNavigate();
  const [userId, setUserId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const choices = [...new Set([DEMO_USER, ...recentUsers()])];

  async function submit(id: string) {
    const trimmed = id.trim();
    if (!USER_ID.test(trimmed)) {
      setError('A user id is letters, digits and _ - . : @ | (up to 255 characters).');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(trimmed);
      remember(trimmed);
      navigate(next, { replace: true });
    } catch (err: unknown) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(userId);
  }

  return (
    <div className="card stack">
      <p className="muted">
        This is Alex running on your machine without a sign-in service (no Clerk key is set), so you can sign
        in as any user id, with no password.
      </p>
      <div className="stack-sm">
        <h2 className="h3">Pick a user</h2>
        <ul className="chip-list">
          {choices.map((choice) => (
            <li key={choice}>
              <button
                type="button"
                className="button secondary"
                disabled={busy}
                onClick={() => submit(choice)}
              >
                Sign in as {choice}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <form className="stack-sm" onSubmit={onSubmit} noValidate>
        <label htmlFor="local-user-id">Or type a user id</label>
        <div className="row">
          <input
            id="local-user-id"
            value={userId}
            onChange={(e) => setUserId(e.target.value)}
            autoComplete="username"
            aria-invalid={error !== null}
            aria-describedby={error ? 'local-sign-in-error' : undefined}
          />
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
      {error && (
        <p id="local-sign-in-error" role="alert" className="error-text">
          {error}
        </p>
      )}
    </div>
  );
}
