import { Link } from 'react-router-dom';
import { usePageTitle } from '../components/page-title.ts';

/** The 404 page for any path the app does not know. */
export default function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <div className="narrow stack">
      <h1 className="h1">Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may be wrong.</p>
      <p>
        <Link to="/">Back to the start</Link> or <Link to="/dashboard">go to your dashboard</Link>.
      </p>
    </div>
  );
}
