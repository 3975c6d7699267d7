import { type ReactElement, useEffect, useState } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';

// Set while the link the user agreed to follow is clicked again, so no guard stops it.
let leaving = false;

/** The question asked before unsaved edits are left behind. */
export const UNSAVED_CHANGES_TITLE = 'Leave without saving?';

/**
 * Guards a form's unsaved edits while `dirty`: closing or reloading the tab asks the browser's own
 * question, and following a link inside the app asks first in a dialog. Returns that dialog (or
 * null): render it anywhere in the form's tree. Several guarded forms on one page ask once.
 *
 * The app uses a `BrowserRouter`, which has no navigation blocking, so in-app links are caught in the
 * capture phase before React Router sees them, and clicked again once the user agrees (so it works
 * under any router, or none). The browser's Back button is not caught.
 */
export function useUnsavedChanges(dirty: boolean, what = 'your changes'): ReactElement | null {
  const [pendingLink, setPendingLink] = useState<HTMLAnchorElement | null>(null);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium needs returnValue set to show the prompt.
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || leaving) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download')) {
        return;
      }
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      event.preventDefault();
      event.stopPropagation();
      setPendingLink(link);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty]);

  if (pendingLink === null) return null;
  return (
    <ConfirmDialog
      title={UNSAVED_CHANGES_TITLE}
      confirmLabel="Leave without saving"
      onCancel={() => setPendingLink(null)}
      onConfirm={() => {
        setPendingLink(null);
        leaving = true;
        try {
          pendingLink.click();
        } finally {
          leaving = false;
        }
      }}
    >
      <p>You have not saved {what}. If you leave this page now, they are lost.</p>
    </ConfirmDialog>
  );
}
