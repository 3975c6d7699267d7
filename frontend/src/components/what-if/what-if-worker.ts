/// <reference lib="webworker" />
/*
 * The what-if Web Worker: runs the same `@alex/finance` Monte Carlo the retirement agent runs on the
 * server, off the main thread, so the sliders stay smooth. Loaded only by the what-if panel.
 */
import { type MonteCarloInput, projectionChart, runMonteCarlo } from '@alex/finance';
import type { WhatIfReply, WhatIfRequest } from './what-if-messages.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<WhatIfRequest>) => {
  const { id, input, currentAge } = event.data;
  const started = performance.now();
  try {
    const result = runMonteCarlo(input as MonteCarloInput);
    const reply: WhatIfReply = {
      id,
      ok: true,
      milliseconds: performance.now() - started,
      successRate: result.successRate,
      sustainableIncome: result.sustainableIncome,
      atRetirement: result.atRetirement,
      chart: projectionChart(result, currentAge === null ? {} : { currentAge }),
    };
    scope.postMessage(reply);
  } catch (err: unknown) {
    const reply: WhatIfReply = { id, ok: false, message: err instanceof Error ? err.message : String(err) };
    scope.postMessage(reply);
  }
};
