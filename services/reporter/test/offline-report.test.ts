import { OFFLINE_LABEL } from '@alex/agents';
import { portfolioFacts } from '@alex/analysis';
import { testPortfolio as portfolio } from '@alex/database/testing';
import { describe, expect, it } from 'vitest';
import { PortfolioReport } from '../src/agent.ts';
import { writeOfflineReport } from '../src/offline-report.ts';
import { portfolioAnalysis } from '../src/portfolio-analysis.ts';

const reportOf = (...args: Parameters<typeof portfolio>) =>
  writeOfflineReport(portfolioAnalysis(portfolioFacts(portfolio(...args))), {
    available: false,
    reason: 'market research search failed (TimeoutError)',
  });

describe('writeOfflineReport', () => {
  it('writes a report that passes the Report Writer schema, labelled as offline', () => {
    const report = reportOf('1000.00', [
      ['VTI', 6000, 'equity', 'north_america'],
      ['BND', 3000, 'fixed_income', 'north_america'],
    ]);

    expect(PortfolioReport.safeParse(report).success).toBe(true);
    expect(report.report_markdown.startsWith(OFFLINE_LABEL)).toBe(true);
    expect(report.executive_summary.startsWith(OFFLINE_LABEL)).toBe(true);
  });

  it('writes a sound report for a portfolio that is all cash', () => {
    const report = reportOf('25000.00', []);

    expect(PortfolioReport.safeParse(report).success).toBe(true);
    expect(report.report_markdown).not.toMatch(/NaN|undefined|Infinity|: \./);
    expect(report.report_markdown).toContain(
      'Raise **Equity** from 0% to your 70% target: buy about $17,500.00',
    );
  });

  it('names unclassified holdings and says why insights are missing', () => {
    const report = reportOf('0.00', [
      ['VTI', 5000, 'equity', 'north_america'],
      ['NEWCO', 5000, null, null],
    ]);

    expect(report.report_markdown).toContain('Get NEWCO classified');
    expect(report.report_markdown).toContain(
      'Market insights were unavailable for this report (market research search failed (TimeoutError)).',
    );
  });
});

describe('user text in the report markdown', () => {
  it('shows an account name with an image, a link and table pipes as typed, adding no image or cell', () => {
    const facts = portfolioFacts(portfolio('1000.00', [['VTI', 6000, 'equity', 'north_america']]));
    const hostile = '![x](https://evil.example/t.png) | 9 | [win](https://evil.example)\nfake line';
    const withName = {
      ...facts,
      valuation: {
        ...facts.valuation,
        accounts: facts.valuation.accounts.map((a) => ({ ...a, name: hostile })),
      },
    };
    const report = writeOfflineReport(portfolioAnalysis(withName), {
      available: false,
      reason: 'market research search failed (TimeoutError)',
    });
    const row = report.report_markdown.split('\n').find((line) => line.includes('evil.example'));
    expect(row).toBeDefined();
    expect(report.report_markdown).not.toMatch(/(?<!\\)!\[x\]\(/);
    expect(report.report_markdown).not.toMatch(/(?<!\\)\[win\]\(/);
    // The accounts table row keeps its three cells: every pipe in the name is escaped.
    expect(row?.split(/(?<!\\)\|/).length).toBe(5);
    expect(report.report_markdown).not.toMatch(/^fake line/m);
  });
});
