import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { watchHistory } from './lib/leave-guard.ts';
import { prerenderedFor, Root } from './root.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Before the router listens: a form with unsaved edits must see Back and Forward first.
watchHistory();

const app = <Root router={(children) => <BrowserRouter>{children}</BrowserRouter>} />;

// The build pre-renders the landing page (index.html) and the signed-in shell (app.html), and marks
// which one the HTML holds. Hydrate it when it is the page at this address; otherwise (the dev server,
// or a page that is not pre-rendered) render from scratch.
const prerendered = root.dataset.prerendered;
if (prerendered !== undefined && prerendered === prerenderedFor(window.location.pathname)) {
  hydrateRoot(root, app);
} else {
  root.replaceChildren();
  createRoot(root).render(app);
}
