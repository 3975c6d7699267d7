import { toAccountInputs } from '@alex/analysis';
import type { ExportDocument } from '@alex/contract';
import { NotFoundError, type Repositories } from '@alex/database';
import { valuePortfolio } from '@alex/finance';

/**
 * Everything a user entered (accounts with cash, positions with their prices and values) and their
 * latest report with its retirement projection: the body of `GET /api/export`.
 */
export async function buildExportDocument(
  repos: Repositories,
  userId: string,
  now: Date = new Date(),
): Promise<ExportDocument> {
  await repos.users.getOrCreate({ clerk_user_id: userId });
  const [portfolio, [report]] = await Promise.all([
    repos.portfolio.get(userId),
    repos.reports.list(userId, 1),
  ]);
  const valuation = valuePortfolio(toAccountInputs(portfolio));
  const values = new Map(valuation.positions.map((p) => [`${p.accountId}/${p.symbol}`, p]));
  const retirement = report?.job_id ? await retirementOf(repos, userId, report.job_id) : null;
  return {
    format_version: 1,
    exported_at: now.toISOString(),
    total_value: valuation.total.valueText,
    accounts: portfolio.accounts.map((account) => ({
      account_name: account.account_name,
      account_purpose: account.account_purpose,
      cash_balance: account.cash_balance,
      cash_interest: account.cash_interest,
      positions: account.positions.map((p) => ({
        symbol: p.symbol,
        name: p.instrument.name,
        quantity: p.quantity,
        as_of_date: p.as_of_date,
        price: p.instrument.current_price,
        price_as_of: p.instrument.price_as_of,
        value:
          p.instrument.current_price === null
            ? null
            : (values.get(`${account.id}/${p.symbol}`)?.valueText ?? null),
      })),
    })),
    latest_report: report
      ? {
          report: {
            job_id: report.job_id,
            report_date: report.report_date,
            summary: report.report_summary,
            markdown: report.report_detail,
            generated_by: report.generated_by,
            processing_time_ms: report.processing_time_ms,
            created_at: report.created_at,
            updated_at: report.updated_at,
          },
          retirement,
        }
      : null,
  };
}

async function retirementOf(repos: Repositories, userId: string, jobId: string) {
  try {
    const r = await repos.retirement.getForJob(userId, jobId);
    return {
      job_id: r.job_id,
      estimated_income: r.estimated_income,
      success_rate: r.success_rate,
      figures: r.figures,
      summary: r.summary,
      detail: r.detail,
      assumptions: r.assumptions,
      generated_by: r.generated_by,
      created_at: r.created_at,
      updated_at: r.updated_at,
    };
  } catch (err: unknown) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
}
