export { countRecommendations, createReportWriter, PortfolioReport } from './agent.ts';
export { createReporterHandler, type ReporterHandlerDeps, reporterHandlerDeps } from './create-handler.ts';
export { generatedBy, type ReporterEnv, reporterEnv } from './env.ts';
export { reportWriterScript } from './offline.ts';
export { writeOfflineReport } from './offline-report.ts';
export { type Finding, type PortfolioAnalysis, portfolioAnalysis } from './portfolio-analysis.ts';
export { DISCLAIMER, REPORT_SECTIONS, REPORTER_INSTRUCTIONS } from './prompts.ts';
export { recommendationsFor } from './recommendations.ts';
export {
  FALLBACK_GENERATED_BY,
  type ReporterDeps,
  ReporterEvent,
  type ReporterResult,
  withDisclaimer,
  writeReport,
} from './reporter.ts';
export { type ReporterContext, reporterTools } from './tools.ts';
