import type { Chart, ChartPoint } from '@alex/contract';
import {
  Bar,
  BarChart,
  type BarShapeProps,
  CartesianGrid,
  Pie,
  PieChart,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatPercent } from '../format.ts';
import { ChartLegend } from './chart-data-table.tsx';

/** Allocation charts are percentages summing to 100; anything else is a plain number. */
function isPercentChart(data: ChartPoint[]): boolean {
  const sum = data.reduce((total, point) => total + point.value, 0);
  return data.every((p) => p.value >= 0) && Math.abs(sum - 100) <= 0.5;
}

const colouredBar = (props: BarShapeProps) => (
  <Rectangle {...props} fill={(props.payload as ChartPoint | undefined)?.color ?? '#1f6fb2'} />
);

function Plot({ chart, percent }: { chart: Chart; percent: boolean }) {
  const format = (value: unknown) =>
    percent ? formatPercent(Number(value)) : Number(value).toLocaleString('en-US');
  const tooltip = <Tooltip formatter={(value) => format(value)} />;
  if (chart.type === 'pie' || chart.type === 'donut') {
    const data = chart.data.map((p) => ({ ...p, fill: p.color }));
    return (
      <PieChart>
        <Pie
          data={data}
          dataKey="value"
          nameKey="name"
          innerRadius={chart.type === 'donut' ? '55%' : 0}
          outerRadius="90%"
          isAnimationActive={false}
        />
        {tooltip}
      </PieChart>
    );
  }
  const horizontal = chart.type === 'horizontalBar';
  return (
    <BarChart
      data={chart.data}
      layout={horizontal ? 'vertical' : 'horizontal'}
      margin={{ left: 8, right: 16 }}
    >
      <CartesianGrid strokeDasharray="3 3" />
      {horizontal ? (
        <>
          <XAxis type="number" tickFormatter={format} />
          <YAxis type="category" dataKey="name" width={110} />
        </>
      ) : (
        <>
          <XAxis dataKey="name" />
          <YAxis tickFormatter={format} width={56} />
        </>
      )}
      {tooltip}
      <Bar dataKey="value" shape={colouredBar} isAnimationActive={false} />
    </BarChart>
  );
}

/** One chart from the charter's JSON: pie, donut, bar or horizontal bar, with its numbers listed. */
export default function ChartView({ chart }: { chart: Chart }) {
  const percent = isPercentChart(chart.data);
  return (
    <figure className="chart card">
      <figcaption>
        <h3 className="h3">{chart.title}</h3>
        {chart.description && <p className="muted">{chart.description}</p>}
      </figcaption>
      <div className="chart-plot" role="img" aria-label={`${chart.title}: ${chart.type} chart`}>
        <ResponsiveContainer width="100%" height={240}>
          <Plot chart={chart} percent={percent} />
        </ResponsiveContainer>
      </div>
      <ChartLegend data={chart.data} unit={percent ? 'percent' : 'number'} />
    </figure>
  );
}
