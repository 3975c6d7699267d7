import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, silentMetrics } from '@alex/core';
import type { Repositories } from '@alex/database';
import { type KnowledgeStore, knowledgeFromEnv } from '@alex/knowledge';
import type { Model } from '@openai/agents';
import type { ReporterDeps } from '../src/reporter.ts';

/** The seeded demo user, and a fresh job for it per test. */
export { DEMO_USER as USER, newJob } from '@alex/database/testing';

/** An embedded database (in-memory PGlite behind the local Data API) reset with the test data. */
export { startSeededDatabase } from '@alex/local-data-api';

/** The local knowledge store in a fresh temporary folder, seeded from the sample corpus. */
export const localKnowledge = (): KnowledgeStore =>
  knowledgeFromEnv({}, mkdtempSync(join(tmpdir(), 'alex-reporter-'))).store;

/** A knowledge store whose every call fails, as an unreachable S3 Vectors index would. */
export const brokenKnowledge: KnowledgeStore = {
  put: async () => {
    throw Object.assign(new Error('connect ECONNREFUSED'), { name: 'ServiceUnavailableException' });
  },
  query: async () => {
    throw Object.assign(new Error('connect ECONNREFUSED'), { name: 'ServiceUnavailableException' });
  },
};

/** Reporter dependencies around a model. */
export const depsWith = (
  repos: Repositories,
  model: Model,
  store: KnowledgeStore = localKnowledge(),
): ReporterDeps => ({
  repos,
  model,
  store,
  generatedBy: 'offline',
  logger: silentLogger,
  metrics: silentMetrics,
});

/** A report that passes the schema: every section and five recommendations, quoting `total` if given. */
export function validReport(total = 'a computed sum'): {
  executive_summary: string;
  report_markdown: string;
} {
  const sections = [
    'Executive Summary',
    'Portfolio Composition',
    'Diversification Analysis',
    'Risk Assessment',
    'Retirement Readiness',
  ];
  const recs = [1, 2, 3, 4, 5].map((n) => `${n}. Recommendation number ${n}, concrete and specific.`);
  return {
    executive_summary: `The portfolio is worth ${total}; fixed income is below target.`,
    report_markdown: [
      ...sections.map((s) => `## ${s}\n\nText about ${s.toLowerCase()} with the figure ${total}.`),
      `## Recommendations\n\n${recs.join('\n')}`,
      '## Conclusion\n\nOn track with adjustments.',
    ].join('\n\n'),
  };
}
