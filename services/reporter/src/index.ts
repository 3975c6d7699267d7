export { countRecommendations, createReportWriter, PortfolioReport } from './agent.ts';
export { type ReporterEnv, reporterEnv } from './env.ts';
export { reportWriterScript } from './offline.ts';
export { writeOfflineReport } from './offline-report.ts';
export { type Finding, type PortfolioAnalysis, portfolioAnalysis } from './portfolio-analysis.ts';
export { REPORT_SECTIONS, REPORTER_INSTRUCTIONS } from './prompts.ts';
export { recommendationsFor } from './recommendations.ts';
export { type ReporterDeps, ReporterEvent, type ReporterResult, writeReport } from './reporter.ts';
export { type ReporterContext, reporterTools } from './tools.ts';
