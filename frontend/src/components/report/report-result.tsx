import type { Job, Report, Retirement } from '@alex/contract';
import { FALLBACK_GENERATED_BY } from '@alex/contract/plain';
import { useApi } from '../../api/api-context.tsx';
import { ApiError } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { Disclaimer } from '../disclaimer.tsx';
import { ChartView, Markdown } from '../lazy.tsx';
import { ErrorState, Loading } from '../states.tsx';
import { FallbackNotice, fallbackParts } from './fallback-notice.tsx';
import { RetirementSection } from './retirement-section.tsx';

/** A 404 means that agent stored nothing for this job: show the rest rather than fail the page. */
async function orMissing<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (err: unknown) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

/** Who wrote the report, in words a user understands (`generated_by` is a model id or a marker). */
export function writtenBy(generatedBy: string): string {
  if (generatedBy === FALLBACK_GENERATED_BY) {
    return "Written by Alex's built-in writer, because Claude's answer could not be used.";
  }
  if (generatedBy === 'offline') {
    return "Written by Alex's offline writer: a built-in template filled in with your computed figures, used when no AI model is set up. Claude did not write it.";
  }
  return `Written by Claude (model ${generatedBy}).`;
}

/** A completed analysis: summary, retirement projection, charts and the full markdown report. */
export function ReportResult({ job }: { job: Job }) {
  const api = useApi();
  const result = useResource(
    async (signal) => {
      const [report, retirement] = await Promise.all([
        orMissing<Report>(api.getReport(job.id, signal)),
        orMissing<Retirement>(api.getRetirement(job.id, signal)),
      ]);
      return { report, retirement };
    },
    [api, job.id],
  );
  if (result.status === 'loading') return <Loading label="Loading the report" />;
  if (result.status === 'error') return <ErrorState error={result.error} onRetry={result.reload} />;
  const { report, retirement } = result.data;
  const charts = report?.charts ?? [];

  return (
    <article className="stack-lg report">
      <Disclaimer />
      <FallbackNotice parts={fallbackParts(report, retirement)} />
      {report?.summary && (
        <section className="card stack" aria-labelledby="summary-heading">
          <h2 id="summary-heading" className="h2">
            Summary
          </h2>
          <Markdown>{report.summary}</Markdown>
        </section>
      )}
      {retirement ? (
        <RetirementSection retirement={retirement} />
      ) : (
        <p className="muted">This analysis has no retirement projection.</p>
      )}
      {charts.length > 0 && (
        <section className="stack" aria-labelledby="charts-heading">
          <h2 id="charts-heading" className="h2">
            Charts
          </h2>
          <div className="grid charts">
            {charts.map((chart) => (
              <ChartView key={chart.key} chart={chart} />
            ))}
          </div>
        </section>
      )}
      {report?.markdown ? (
        <section className="card stack" aria-labelledby="report-heading">
          <h2 id="report-heading" className="h2">
            Full report
          </h2>
          <Markdown>{report.markdown}</Markdown>
          {report.generated_by && <p className="muted small">{writtenBy(report.generated_by)}</p>}
        </section>
      ) : (
        <p className="muted">This analysis has no written report.</p>
      )}
    </article>
  );
}
