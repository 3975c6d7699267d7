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
import { formatMoneyWhole, formatPercent } from '../format.ts';
import { ChartLegend, type ChartUnit, formatChartValue } from './chart-data-table.tsx';

/**
 * Fixed titles by chart key: a title names what is shown, never a figure (the writer's headline,
 * which may state one, is shown under it). Unknown keys keep their stored title.
 */
const TITLES: Record<string, string> = {
  asset_class: 'Asset allocation',
  regions: 'Geographic exposure',
  sectors: 'Sector breakdown',
  accounts: 'Value by account',
  top_holdings: 'Top holdings',
};

/** Allocation charts are percentages summing to 100; the others Alex draws are US dollars. */
function unitOf(data: ChartPoint[]): ChartUnit {
  const sum = data.reduce((total, point) => total + point.value, 0);
  return data.every((p) => p.value >= 0) && Math.abs(sum - 100) <= 0.5 ? 'percent' : 'usd';
}

const colouredBar = (props: BarShapeProps) => (
  <Rectangle {...props} fill={(props.payload as ChartPoint | undefined)?.color ?? '#1f6fb2'} />
);

const ROW_HEIGHT = 30;
const TICK = { fontSize: 12 };

/** Room for the longest category label in full (about 7 px a character at 12 px), within limits. */
function labelWidth(data: ChartPoint[]): number {
  const longest = Math.max(...data.map((p) => p.name.length), 4);
  return Math.min(180, Math.max(70, longest * 7 + 8));
}

function Plot({ chart, unit }: { chart: Chart; unit: ChartUnit }) {
  const axis = (value: unknown) =>
    unit === 'percent' ? formatPercent(Number(value)) : formatMoneyWhole(Number(value));
  // The charts are pictures of the table beside them: no Tab stops (accessibilityLayer off).
  const tooltip = <Tooltip formatter={(value) => formatChartValue(Number(value), unit)} />;
  if (chart.type === 'pie' || chart.type === 'donut') {
    const data = chart.data.map((p) => ({ ...p, fill: p.color }));
    return (
      <PieChart accessibilityLayer={false}>
        <Pie
          data={data}
          dataKey="value"
          nameKey="name"
          innerRadius={chart.type === 'donut' ? '55%' : 0}
          outerRadius="90%"
          isAnimationActive={false}
          rootTabIndex={-1}
        />
        {tooltip}
      </PieChart>
    );
  }
  // Bars are drawn horizontally, one row per category with every label in full.
  return (
    <BarChart
      accessibilityLayer={false}
      data={chart.data}
      layout="vertical"
      margin={{ left: 4, right: 16, top: 4, bottom: 4 }}
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" tickFormatter={axis} tick={TICK} />
      <YAxis type="category" dataKey="name" width={labelWidth(chart.data)} interval={0} tick={TICK} />
      {tooltip}
      <Bar dataKey="value" shape={colouredBar} isAnimationActive={false} />
    </BarChart>
  );
}

/** One chart from the charter's JSON under a fixed title, with its figures as a table beside it. */
export default function ChartView({ chart }: { chart: Chart }) {
  const unit = unitOf(chart.data);
  const title = TITLES[chart.key] ?? chart.title;
  const headline = chart.title.trim().toLowerCase() === title.toLowerCase() ? null : chart.title;
  const bars = chart.type !== 'pie' && chart.type !== 'donut';
  const height = bars ? Math.max(160, chart.data.length * ROW_HEIGHT + 40) : 240;
  return (
    <figure className="chart card" data-chart={chart.key}>
      <figcaption>
        <h3 className="h3">{title}</h3>
        {headline && <p className="chart-headline">{headline}</p>}
        {chart.description && <p className="muted small">{chart.description}</p>}
      </figcaption>
      <div className="chart-plot" role="img" aria-label={`${title}: the table below lists every figure.`}>
        <ResponsiveContainer width="100%" height={height}>
          <Plot chart={chart} unit={unit} />
        </ResponsiveContainer>
      </div>
      <ChartLegend data={chart.data} unit={unit} caption={`${title}: figures`} />
    </figure>
  );
}
