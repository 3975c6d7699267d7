import { Agent, type Model } from '@openai/agents';
import { z } from 'zod';
import { REPORT_SECTIONS, REPORTER_INSTRUCTIONS } from './prompts.ts';
import { type ReporterContext, reporterTools } from './tools.ts';

/** Numbered items ("1. ", "2) ") under the Recommendations heading, up to the next heading. */
export function countRecommendations(markdown: string): number {
  const start = markdown.search(/^#{2,3}\s+Recommendations\s*$/im);
  if (start < 0) return 0;
  const rest = markdown.slice(start).split('\n').slice(1);
  const end = rest.findIndex((line) => /^#{1,3}\s/.test(line));
  return (end < 0 ? rest : rest.slice(0, end)).filter((line) => /^\s{0,3}\d+[.)]\s+\S/.test(line)).length;
}

const ReportMarkdown = z
  .string()
  .min(200)
  .describe(
    `The full report in markdown with the level-2 headings ${REPORT_SECTIONS.join(', ')}, in that order, and 5-7 numbered recommendations.`,
  )
  .superRefine((markdown, ctx) => {
    const missing = REPORT_SECTIONS.filter((s) => !new RegExp(`^#{2,3}\\s+${s}\\s*$`, 'im').test(markdown));
    if (missing.length > 0)
      ctx.addIssue({ code: 'custom', message: `missing headings: ${missing.join(', ')}` });
    const count = countRecommendations(markdown);
    if (missing.length === 0 && (count < 5 || count > 7)) {
      ctx.addIssue({ code: 'custom', message: `needs 5 to 7 numbered recommendations, found ${count}` });
    }
  });

/** The Report Writer's structured answer. */
export const PortfolioReport = z.object({
  executive_summary: z
    .string()
    .min(20)
    .describe(
      'Two to four plain sentences: total value, the largest gap to target, the first recommendation.',
    ),
  report_markdown: ReportMarkdown,
});
export type PortfolioReport = z.infer<typeof PortfolioReport>;

/** Creates the Report Writer agent on `model` (Bedrock or the offline model). */
export function createReportWriter(model: Model): Agent<ReporterContext, typeof PortfolioReport> {
  return new Agent<ReporterContext, typeof PortfolioReport>({
    name: 'Report Writer',
    instructions: REPORTER_INSTRUCTIONS,
    model,
    tools: reporterTools,
    outputType: PortfolioReport,
  });
}
