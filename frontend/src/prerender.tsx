import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router-dom';
import { type Prerendered, Root } from './root.tsx';

/** The address each pre-rendered page is rendered at. */
export const PRERENDERED_PATHS: Record<Prerendered, string> = { landing: '/', shell: '/dashboard' };

/** Renders one page to HTML at build time (no user known, nothing fetched), for `#root`. */
export function render(page: Prerendered): string {
  return renderToString(
    <Root
      router={(children) => <StaticRouter location={PRERENDERED_PATHS[page]}>{children}</StaticRouter>}
    />,
  );
}
