import { DISCLAIMER, OFFLINE_LABEL } from '@alex/agents';
import { labelFor } from '@alex/finance';
import { verdict } from './figures.ts';
import type { ScenarioSummary } from './scenario.ts';

export { verdict };

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const money = (n: number): string => USD.format(n);
const rate = (n: number): string => `${Number(n.toFixed(2))}%`;

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
    money(s.at_retirement_today.p50),
    money(s.at_retirement_nominal.p50),
    `${money(s.at_retirement_today.p10)} – ${money(s.at_retirement_today.p90)}`,
    money(s.sustainable_income_today),
    `${s.income_gap_today >= 0 ? '+' : '-'}${money(Math.abs(s.income_gap_today))}`,
  ];
  const labels = [
    'Chance your target income lasts',
    "Median at retirement (today's dollars)",
    'Median at retirement (nominal dollars)',
    "10th – 90th percentile at retirement (today's dollars)",
    "Income that lasts in 9 of 10 markets (today's dollars)",
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

function saving(inputs: ScenarioSummary['inputs']): string {
  return inputs.contribution_rises_with_inflation
    ? `${money(inputs.annual_contribution_today)} a year (today's dollars, raised with inflation)`
    : `${money(inputs.annual_contribution_today)} a year`;
}

/** The summary and markdown detail the offline model writes from the baseline and one what-if. */
export function writeOfflineAnalysis(
  base: ScenarioSummary,
  whatIf: ScenarioSummary | undefined,
): { summary: string; detail: string } {
  const { inputs } = base;
  const shortfall = base.income_gap_today < 0;
  const income = `${money(base.sustainable_income_today)} a year in today's dollars, ${shortfall ? `${money(-base.income_gap_today)} short of` : `${money(base.income_gap_today)} above`} your ${money(inputs.target_income_today)} target`;
  const lever =
    whatIf === undefined
      ? ''
      : ` ${describeChange(whatIf).replace(/^./, (c) => c.toUpperCase())} would move the chance to ${rate(whatIf.success_rate)}.`;
  const summary = `The chance your target income of ${money(inputs.target_income_today)} a year (today's dollars) lasts all ${inputs.retirement_years} years of retirement is ${rate(base.success_rate)} of ${base.paths.toLocaleString('en-US')} simulated markets, so the plan is ${verdict(base.success_rate)}. The income that lasts in 9 of 10 markets is ${income}.${lever}`;
  const mix = Object.entries(inputs.allocation_percent)
    .map(([key, share]) => `${labelFor(key)} ${rate(share)}`)
    .join(', ');
  const other =
    inputs.other_income_today > 0
      ? ` Other income of ${money(inputs.other_income_today)} a year (today's dollars) pays part of it.`
      : '';
  const fees =
    inputs.annual_fee_percent > 0 ? `, less ${rate(inputs.annual_fee_percent)} a year in fees` : '';
  const detail = [
    OFFLINE_LABEL,
    `## Projection\n\nStarting from ${money(inputs.current_value_today)} today, adding ${saving(inputs)} for ${inputs.years_until_retirement} years with a mix of ${mix} (expected return ${rate(base.expected_return)} a year${fees}, volatility ${rate(base.volatility)}), then withdrawing ${money(inputs.target_income_today)} a year in today's dollars, grown by inflation, for ${inputs.retirement_years} years.${other} Balances are shown in today's dollars and in nominal dollars (the dollars of the year you retire):\n\n${comparison(base, whatIf)}`,
    `## What-ifs\n\n${whatIf === undefined ? 'No what-if was run.' : `What if you were ${describeChange(whatIf)}? The chance your target income lasts would go from ${rate(base.success_rate)} to ${rate(whatIf.success_rate)}, the median portfolio at retirement from ${money(base.at_retirement_today.p50)} to ${money(whatIf.at_retirement_today.p50)} in today's dollars, and the income that lasts in 9 of 10 markets from ${money(base.sustainable_income_today)} to ${money(whatIf.sustainable_income_today)} a year in today's dollars.`}`,
    `## What this means\n\nThe plan is **${verdict(base.success_rate)}**: ${base.success_rate >= 90 ? 'even in poor markets your savings very likely cover the income you want.' : base.success_rate >= 75 ? 'most markets carry the plan, but a poor sequence of returns early in retirement could cut it short.' : 'in many markets the money runs out before the end of retirement at this income.'} The 10th percentile (${money(base.at_retirement_today.p10)} at retirement in today's dollars) is what a poor market could leave you; plan around it rather than the median.`,
    `## Next steps\n\n${[
      shortfall
        ? `Close the ${money(-base.income_gap_today)} gap: save more each year, retire later, or plan on a lower income.`
        : 'Keep contributing as you do now, and re-run this projection each year.',
      whatIf === undefined
        ? 'Explore what-ifs before changing your plan.'
        : `Consider ${describeChange(whatIf)}: it changes the chance your target income lasts by ${(whatIf.success_rate - base.success_rate).toFixed(2)} points.`,
      'Rebalance to your target mix yearly; the projection assumes it.',
      'As retirement nears, hold one to three years of withdrawals in cash or short-term bonds to ride out a bad market.',
    ]
      .map((s) => `- ${s}`)
      .join('\n')}`,
    `## Assumptions\n\n${[
      `Returns: expected ${rate(base.expected_return)} a year with ${rate(base.volatility)} volatility for your mix, drawn from correlated normal returns per asset class and rebalanced yearly.`,
      `Inflation ${rate(base.inflation)} a year, applied to withdrawals and used to state balances in today's dollars; ${base.paths.toLocaleString('en-US')} simulated paths, seeded from your portfolio and plan so the same inputs always give the same figures.`,
      ...base.notes,
    ]
      .map((s) => `- ${s}`)
      .join('\n')}`,
    `---\n\n_${DISCLAIMER}_`,
  ].join('\n\n');
  return { summary: `${OFFLINE_LABEL}\n\n${summary}`, detail };
}
