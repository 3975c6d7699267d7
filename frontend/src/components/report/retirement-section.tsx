import type { Retirement, RetirementFigures } from '@alex/contract';
import { lazy, Suspense, useMemo } from 'react';
import { formatMoney } from '../format.ts';
import { Markdown, ProjectionChart } from '../lazy.tsx';
import { Loading } from '../states.tsx';
import { storedRun } from '../what-if/what-if-model.ts';
import { dollars, formatChance } from './retirement-format.ts';

// The what-if panel brings the Monte Carlo and its Web Worker: loaded with this section only.
const WhatIfPanel = lazy(() => import('../what-if/what-if-panel.tsx'));

/** The headline figures with their units, as stored with projections since the plan existed. */
function Headline({ figures }: { figures: RetirementFigures }) {
  const when =
    figures.retirement_age === null
      ? `in ${figures.retirement_year} years`
      : `at age ${figures.retirement_age}`;
  return (
    <dl className="grid stats">
      <div className="stat">
        <dt>Chance your target income lasts</dt>
        <dd data-testid="retirement-chance">{formatChance(figures.success_rate_percent)}</dd>
        <dd className="muted">
          {dollars(figures.target_income_today)} a year in today's dollars: <strong>{figures.verdict}</strong>
        </dd>
      </div>
      <div className="stat">
        <dt>Income that lasts in 9 of 10 markets (today's dollars)</dt>
        <dd data-testid="retirement-income">{dollars(figures.sustainable_income_today)} a year</dd>
        {figures.other_income_today > 0 && (
          <dd className="muted">including {dollars(figures.other_income_today)} a year of other income</dd>
        )}
      </div>
      <div className="stat">
        <dt>Median portfolio {when} (today's dollars)</dt>
        <dd data-testid="retirement-median">{dollars(figures.at_retirement_today.p50)}</dd>
        <dd className="muted">
          {dollars(figures.at_retirement_nominal.p50)} in nominal dollars of that year
        </dd>
      </div>
    </dl>
  );
}

/** The retirement specialist's result: headline figures with units, projection and analysis. */
export function RetirementSection({ retirement }: { retirement: Retirement }) {
  const run = useMemo(() => storedRun(retirement.assumptions), [retirement.assumptions]);
  return (
    <section className="card stack" aria-labelledby="retirement-heading">
      <h2 id="retirement-heading" className="h2">
        Retirement
      </h2>
      {retirement.figures ? (
        <Headline figures={retirement.figures} />
      ) : (
        <dl className="grid stats">
          <div className="stat">
            <dt>Chance your target income lasts</dt>
            <dd>{formatChance(retirement.success_rate)}</dd>
          </div>
          <div className="stat">
            <dt>Income that lasts in 9 of 10 markets (today's dollars)</dt>
            <dd>{formatMoney(retirement.estimated_income)}</dd>
          </div>
        </dl>
      )}
      {retirement.summary && <Markdown>{retirement.summary}</Markdown>}
      {retirement.chart && retirement.chart.data.length > 0 && <ProjectionChart chart={retirement.chart} />}
      {run && (
        <Suspense fallback={<Loading label="Loading what-ifs" />}>
          <WhatIfPanel
            run={run}
            currentAge={
              retirement.figures?.retirement_age === null || retirement.figures === null
                ? null
                : retirement.figures.retirement_age - retirement.figures.retirement_year
            }
          />
        </Suspense>
      )}
      {retirement.detail && (
        <details>
          <summary>Read the full retirement analysis</summary>
          <Markdown>{retirement.detail}</Markdown>
        </details>
      )}
    </section>
  );
}
