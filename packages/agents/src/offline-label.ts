/** The first line of every text the offline model writes, so no reader mistakes it for Claude's words. */
export const OFFLINE_LABEL =
  "> Offline model: written by Alex's deterministic offline writer from computed figures, not by Claude.";

/** Starts the user message that `runWithOutputRetry` adds when it asks an agent to answer again. */
export const OUTPUT_RETRY_NOTE = 'Your previous final answer was rejected:';
