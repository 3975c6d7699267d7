import { DISCLAIMER, OFFLINE_LABEL } from '@alex/agents';
import { labelFor } from '@alex/finance';
import type { ScenarioSummary } from './scenario.ts';

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const money = (n: number): string => USD.format(n);
const rate = (n: number): string => `${Number(n.toFixed(2))}%`;

/** On track, borderline or at risk, by the success rate. */
export function verdict(successRate: number): string {
  if (successRate >= 90) return 'on track';
  if (successRate >= 75) return 'borderline';
  return 'at risk';
}

/** The what-if's change in words: "saving $15,000 a year instead of $10,000". */
export function describeChange(whatIf: ScenarioSummary): string {
  const parts = Object.entries(whatIf.changed).map(([key, { from, to }]) => {
    if (key === 'annual_contribution') return `saving ${money(to)} a year instead of ${money(from)}`;
    if (key === 'target_income') return `aiming for ${money(to)} a year instead of ${money(from)}`;
    return `retiring in ${to} years instead of ${from}`;
  });
  return parts.join(' and ') || 'no change';
}

function row(label: string, base: string, other: string | undefined): string {
  return other === undefined ? `| ${label} | ${base} |` : `| ${label} | ${base} | ${other} |`;
}

function comparison(base: ScenarioSummary, whatIf: ScenarioSummary | undefined): string {
  const cols = (s: ScenarioSummary) => [
    rate(s.success_rate),
    money(s.at_retirement.p50),
    `${money(s.at_retirement.p10)} – ${money(s.at_retirement.p90)}`,
    money(s.sustainable_income),
    `${s.income_gap >= 0 ? '+' : '-'}${money(Math.abs(s.income_gap))}`,
  ];
  const labels = [
    'Success rate',
    'Median at retirement',
    '10th – 90th percentile',
    'Sustainable income (90%)',
    'Versus your target',
  ];
  const b = cols(base);
  const w = whatIf === undefined ? undefined : cols(whatIf);
  const header =
    whatIf === undefined
      ? '| | Your plan |\n| --- | --- |'
      : '| | Your plan | What-if |\n| --- | --- | --- |';
  return [header, ...labels.map((label, i) => row(label, b[i] ?? '', w?.[i]))].join('\n');
}

/** The summary and markdown detail the offline model writes from the baseline and one what-if. */
export function writeOfflineAnalysis(
  base: ScenarioSummary,
  whatIf: ScenarioSummary | undefined,
): { summary: string; detail: string } {
  const { inputs } = base;
  const shortfall = base.income_gap < 0;
  const income = `${money(base.sustainable_income)} a year (today's dollars), ${shortfall ? `${money(-base.income_gap)} short of` : `${money(base.income_gap)} above`} your ${money(inputs.target_income)} target`;
  const lever =
    whatIf === undefined
      ? ''
      : ` ${describeChange(whatIf).replace(/^./, (c) => c.toUpperCase())} would move the success rate to ${rate(whatIf.success_rate)}.`;
  const summary = `In ${rate(base.success_rate)} of ${base.paths.toLocaleString('en-US')} simulated markets your money lasts all ${inputs.retirement_years} years of retirement at ${money(inputs.target_income)} a year, so the plan is ${verdict(base.success_rate)}. The income 90% of markets sustain is ${income}.${lever}`;
  const mix = Object.entries(inputs.allocation_percent)
    .map(([key, share]) => `${labelFor(key)} ${rate(share)}`)
    .join(', ');
  const detail = [
    OFFLINE_LABEL,
    `## Projection\n\nStarting from ${money(inputs.current_value)} today, adding ${money(inputs.annual_contribution)} a year for ${inputs.years_until_retirement} years with a mix of ${mix} (expected return ${rate(base.expected_return)} a year, volatility ${rate(base.volatility)}), then withdrawing ${money(inputs.target_income)} a year grown by inflation for ${inputs.retirement_years} years:\n\n${comparison(base, whatIf)}`,
    `## What-ifs\n\n${whatIf === undefined ? 'No what-if was run.' : `What if you were ${describeChange(whatIf)}? The success rate would go from ${rate(base.success_rate)} to ${rate(whatIf.success_rate)}, the median portfolio at retirement from ${money(base.at_retirement.p50)} to ${money(whatIf.at_retirement.p50)}, and the sustainable income from ${money(base.sustainable_income)} to ${money(whatIf.sustainable_income)}.`}`,
    `## What this means\n\nThe plan is **${verdict(base.success_rate)}**: ${base.success_rate >= 90 ? 'even in poor markets your savings very likely cover the income you want.' : base.success_rate >= 75 ? 'most markets carry the plan, but a poor sequence of returns early in retirement could cut it short.' : 'in many markets the money runs out before the end of retirement at this income.'} The 10th percentile (${money(base.at_retirement.p10)} at retirement) is what a poor market could leave you; plan around it rather than the median.`,
    `## Next steps\n\n${[
      shortfall
        ? `Close the ${money(-base.income_gap)} gap: save more each year, retire later, or plan on a lower income.`
        : 'Keep contributing as you do now, and re-run this projection each year.',
      whatIf === undefined
        ? 'Explore what-ifs before changing your plan.'
        : `Consider ${describeChange(whatIf)}: it changes the success rate by ${(whatIf.success_rate - base.success_rate).toFixed(2)} points.`,
      'Rebalance to your target mix yearly; the projection assumes it.',
      'As retirement nears, hold one to three years of withdrawals in cash or short-term bonds to ride out a bad market.',
    ]
      .map((s) => `- ${s}`)
      .join('\n')}`,
    `## Assumptions\n\n${[
      `Returns: expected ${rate(base.expected_return)} a year with ${rate(base.volatility)} volatility for your mix, drawn from correlated normal returns per asset class and rebalanced yearly.`,
      `Inflation ${rate(base.inflation)} a year, applied to withdrawals; ${base.paths.toLocaleString('en-US')} simulated paths, seeded by this analysis so it can be reproduced.`,
      ...base.notes,
    ]
      .map((s) => `- ${s}`)
      .join('\n')}`,
    `---\n\n_${DISCLAIMER}_`,
  ].join('\n\n');
  return { summary: `${OFFLINE_LABEL}\n\n${summary}`, detail };
}
