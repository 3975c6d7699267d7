import { endpoints, type ImportPreview, MAX_IMPORT_BODY_BYTES } from '@alex/contract';
import { ValidationError } from '@alex/database';
import {
  exportToCsv,
  IMPORT_FORMATS,
  ImportFileError,
  type ImportPlan,
  planImport,
} from '@alex/portfolio-io';
import { DEFAULT_LIMITS } from '../deps.ts';
import type { UserContext } from '../http.ts';
import { json } from '../http.ts';
import { buildExportDocument } from '../portfolio-export.ts';
import { type Route, userRoute } from '../router.ts';
import { parseBody, parseQuery } from '../validation.ts';

/**
 * Import and export. An import is first previewed (nothing written), then sent again to be written
 * in one transaction; both read the same file the same way, and a file with any bad row is refused
 * whole, each row named. Exports are JSON, or CSV in which no cell runs as a formula.
 */
export const portfolioFileRoutes: Route[] = [
  userRoute(endpoints.previewImport, async (ctx) => {
    const { plan } = readImport(ctx, endpoints.previewImport.body);
    return json(200, await preview(ctx, plan));
  }),

  userRoute(endpoints.importPositions, async (ctx) => {
    const { plan, replace } = readImport(ctx, endpoints.importPositions.body);
    if (plan.errors > 0) {
      throw new ValidationError(
        plan.rows
          .filter((r) => r.status === 'error')
          .map((r) => ({ field: `line ${r.line}`, message: r.messages.join('; ') })),
      );
    }
    const outcome = await ctx.deps.repos.imports.apply(ctx.userId, plan.accounts, {
      replace,
      placeholdersPerDay: (ctx.deps.limits ?? DEFAULT_LIMITS).placeholdersPerDay,
    });
    ctx.logger.info('positions imported', {
      format: plan.format,
      ...outcome,
      new_symbols: outcome.new_symbols.length,
    });
    return json(201, { format: plan.format, ...outcome });
  }),

  userRoute(endpoints.exportPortfolio, async ({ deps, userId, query }) => {
    const { format } = parseQuery(endpoints.exportPortfolio.query, query);
    const doc = await buildExportDocument(deps.repos, userId);
    const day = doc.exported_at.slice(0, 10);
    const disposition = (ext: string) => `attachment; filename="alex-portfolio-${day}.${ext}"`;
    if (format === 'csv') {
      return {
        status: 200,
        text: exportToCsv(doc),
        headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition('csv') },
      };
    }
    return json(200, doc, { 'content-disposition': disposition('json') });
  }),
];

/** The request's file read into a plan; a file that cannot be read at all is a 400 naming why. */
function readImport(
  ctx: UserContext,
  schema: typeof endpoints.previewImport.body,
): { plan: ImportPlan; replace: boolean } {
  const request = parseBody(schema, ctx.rawBody, MAX_IMPORT_BODY_BYTES);
  try {
    return {
      plan: planImport(Buffer.from(request.file_base64, 'base64')),
      replace: request.replace ?? false,
    };
  } catch (err: unknown) {
    if (err instanceof ImportFileError)
      throw new ValidationError([{ field: 'file', message: err.message }], { cause: err });
    throw err;
  }
}

async function preview({ deps, userId }: UserContext, plan: ImportPlan): Promise<ImportPreview> {
  const [existing, newSymbols] = await Promise.all([
    deps.repos.accounts.list(userId),
    deps.repos.imports.unknownSymbols(plan.accounts.flatMap((a) => a.positions.map((p) => p.symbol))),
  ]);
  const names = new Set(existing.map((a) => a.account_name.toLowerCase()));
  return {
    format: plan.format,
    format_label: IMPORT_FORMATS[plan.format],
    rows: plan.rows,
    accounts: plan.accounts.map((a) => ({
      account_name: a.account_name,
      exists: names.has(a.account_name.toLowerCase()),
      cash_balance: a.cash_balance,
      positions: a.positions.length,
    })),
    new_symbols: newSymbols,
    errors: plan.errors,
    ignored: plan.ignoredAfter && { after_line: plan.ignoredAfter.blankLine, lines: plan.ignoredAfter.lines },
    can_import: plan.errors === 0,
  };
}
