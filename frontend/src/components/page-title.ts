import { useEffect } from 'react';

/** Sets the tab title to "<title> · Alex" while the page is shown. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Alex`;
  }, [title]);
}
