import type { MonteCarloInput, ProjectionBand, ProjectionChart } from '@alex/finance';

/** A run the page asks of the what-if worker; replies carry the same id, so stale ones are dropped. */
export interface WhatIfRequest {
  id: number;
  input: MonteCarloInput;
  currentAge: number | null;
}

/** The worker's answer: the headline figures and the projection chart, or why the run failed. */
export type WhatIfReply =
  | {
      id: number;
      ok: true;
      milliseconds: number;
      successRate: number;
      sustainableIncome: number;
      atRetirement: ProjectionBand;
      chart: ProjectionChart;
    }
  | { id: number; ok: false; message: string };
