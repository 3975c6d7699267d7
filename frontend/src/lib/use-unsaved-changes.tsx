import { type ReactElement, useEffect, useState } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { type Exit, guardPage, leave } from './leave-guard.ts';

/** The question asked before unsaved edits are left behind. */
export const UNSAVED_CHANGES_TITLE = 'Leave without saving?';

/**
 * Guards a form's unsaved edits while `dirty`: closing or reloading the tab asks the browser's own
 * question, and leaving the page inside the app, by a link or by the browser's Back or Forward,
 * or by signing out (`leaveBy`), asks first in a dialog. Cancel keeps the address and the edits;
 * "Leave without saving" goes on.
 * Returns that dialog (or null): render it anywhere in the form's tree. Several guarded forms on one
 * page ask once.
 *
 * The app uses a `BrowserRouter`, which cannot hold a navigation (only a data router can, and
 * `createBrowserRouter` would add about 17 KB gzipped to the landing page, over its 100 KB budget).
 * So `leave-guard.ts` catches in-app links in the capture phase before React Router sees them, and
 * Back and Forward in a `popstate` listener added before React Router's (`watchHistory()` in
 * main.tsx): it hides the step from the router and steps back to the page, the distance taken from
 * the `idx` React Router keeps in `history.state`. Either is taken again if the user agrees.
 */
export function useUnsavedChanges(dirty: boolean, what = 'your changes'): ReactElement | null {
  const [exit, setExit] = useState<Exit | null>(null);

  useEffect(() => {
    if (!dirty) return;
    return guardPage(setExit);
  }, [dirty]);

  if (exit === null) return null;
  return (
    <ConfirmDialog
      title={UNSAVED_CHANGES_TITLE}
      confirmLabel="Leave without saving"
      onCancel={() => setExit(null)}
      onConfirm={() => {
        setExit(null);
        leave(exit);
      }}
    >
      <p>You have not saved {what}. If you leave this page now, they are lost.</p>
    </ConfirmDialog>
  );
}
