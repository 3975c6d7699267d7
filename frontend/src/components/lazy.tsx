import { type ComponentProps, lazy, Suspense } from 'react';
import { Loading } from './states.tsx';

// Recharts and react-markdown are heavy: they load on first use, never with the landing page.
const ChartViewLazy = lazy(() => import('./charts/chart-view.tsx'));
const ProjectionChartLazy = lazy(() => import('./charts/projection-chart.tsx'));
const AllocationDonutLazy = lazy(() => import('./charts/allocation-donut.tsx'));
const SafeMarkdownLazy = lazy(() => import('./safe-markdown.tsx'));

/** A chart from the charter's JSON, loaded on demand. */
export function ChartView(props: ComponentProps<typeof ChartViewLazy>) {
  return (
    <Suspense fallback={<Loading label="Loading chart" />}>
      <ChartViewLazy {...props} />
    </Suspense>
  );
}

/** The retirement projection (p10–p90 band, p50 line), loaded on demand. */
export function ProjectionChart(props: ComponentProps<typeof ProjectionChartLazy>) {
  return (
    <Suspense fallback={<Loading label="Loading chart" />}>
      <ProjectionChartLazy {...props} />
    </Suspense>
  );
}

/** The current-vs-target allocation donut, loaded on demand. */
export function AllocationDonut(props: ComponentProps<typeof AllocationDonutLazy>) {
  return (
    <Suspense fallback={<Loading label="Loading chart" />}>
      <AllocationDonutLazy {...props} />
    </Suspense>
  );
}

/** Safe markdown, loaded on demand. */
export function Markdown(props: ComponentProps<typeof SafeMarkdownLazy>) {
  return (
    <Suspense fallback={<Loading label="Loading report" />}>
      <SafeMarkdownLazy {...props} />
    </Suspense>
  );
}
