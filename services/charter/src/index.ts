export { type ChartAgent, ChartText, ChartTexts, createChartAgent } from './agent.ts';
export {
  type ChartDeps,
  ChartEvent,
  ChartingError,
  type ChartResult,
  makeCharts,
  mergeChartTexts,
} from './charter.ts';
export { charterHandlerDeps, createCharterHandler } from './create-handler.ts';
export { charterOfflineScript, OFFLINE_CHART_NOTE, offlineChartText } from './offline.ts';
export { CHARTER_INSTRUCTIONS, charterPrompt } from './prompts.ts';
export { type ChartContext, type ChartData, chartDataAnswer, getChartData } from './tools.ts';
