import { Link } from 'react-router-dom';
import { useAuth } from '../auth/auth-context.ts';
import { usePageTitle } from '../components/page-title.ts';

const FEATURES = [
  {
    title: 'Your whole portfolio',
    text: 'Accounts, cash and positions in one place, valued at current prices.',
  },
  {
    title: 'A team of agents',
    text: 'A planner hands your portfolio to a report writer, a chart maker and a retirement specialist.',
  },
  {
    title: 'Retirement projection',
    text: 'A Monte Carlo projection shows the range of outcomes, not one hopeful number.',
  },
] as const;

/** The public landing page: what Alex does and the way in (the disclaimer is in the footer of every page). */
export function LandingPage() {
  usePageTitle('AI financial planner');
  const { userId } = useAuth();
  return (
    <div className="landing stack-lg">
      <section className="hero stack">
        <h1 className="h1">Plan your retirement with a team of AI agents</h1>
        <p className="lead">
          Record your accounts and holdings, then ask Alex for an analysis: a written report, allocation
          charts and a retirement projection, checked against the targets you set.
        </p>
        <div className="row">
          {userId ? (
            <Link to="/dashboard" className="button large">
              Go to your dashboard
            </Link>
          ) : (
            <Link to="/sign-in" className="button large">
              Sign in to get started
            </Link>
          )}
        </div>
      </section>
      <section aria-labelledby="features-heading">
        <h2 id="features-heading" className="sr-only">
          What Alex does
        </h2>
        <ul className="grid features">
          {FEATURES.map((feature) => (
            <li key={feature.title} className="card">
              <h3 className="h3">{feature.title}</h3>
              <p>{feature.text}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
