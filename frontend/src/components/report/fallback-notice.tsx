import type { Chart, Report, Retirement } from '@alex/contract';
import { FALLBACK_GENERATED_BY } from '@alex/contract/plain';

/** Which parts of a result the built-in writer wrote instead of Claude, in reading order. */
export function fallbackParts(report: Report | null, retirement: Retirement | null): string[] {
  const fellBack = (generatedBy: string | null | undefined) => generatedBy === FALLBACK_GENERATED_BY;
  const charts: Chart[] = report?.charts ?? [];
  return [
    ...(fellBack(retirement?.generated_by) ? ['the retirement analysis'] : []),
    ...(charts.some((chart) => fellBack(chart.generated_by)) ? ['the chart titles and descriptions'] : []),
    ...(fellBack(report?.generated_by) ? ['the summary and full report'] : []),
  ];
}

const listed = (parts: readonly string[]): string =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;

/**
 * Says plainly, at the top of a report, that some of its text is not Claude's: the model's answer could
 * not be used, so Alex's built-in writer wrote it from the same computed figures.
 */
export function FallbackNotice({ parts }: { parts: readonly string[] }) {
  if (parts.length === 0) return null;
  return (
    <aside className="card notice" role="note" aria-label="Written by Alex's built-in writer">
      <p>
        <strong>Not written by Claude.</strong> Claude's answer could not be used for {listed(parts)}, so this
        text was written by Alex's built-in writer from the same computed figures. The numbers are the ones
        Alex calculated; only the wording is simpler.
      </p>
    </aside>
  );
}
