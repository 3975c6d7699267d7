import type { Executor } from '../client/data-api-client.ts';
import { LimitExceededError, ValidationError } from '../client/errors.ts';
import { sql } from '../client/params.ts';
import { TickerSymbol } from '../schemas/index.ts';
import { validate } from './validate.ts';

/** An account as a checked import file states it: cash (null: leave as is) and the positions to set. */
export interface ImportAccount {
  account_name: string;
  cash_balance: string | null;
  positions: readonly { symbol: string; quantity: string }[];
}

/** What {@link importsRepository}'s `apply` wrote. */
export interface ImportOutcome {
  accounts_created: number;
  accounts_updated: number;
  positions_written: number;
  positions_removed: number;
  new_symbols: string[];
}

const UPSERT_POSITION = `INSERT INTO positions (account_id, symbol, quantity)
  VALUES (:account, :symbol, :quantity)
  ON CONFLICT (account_id, symbol) DO UPDATE SET quantity = EXCLUDED.quantity, as_of_date = CURRENT_DATE`;

/**
 * Imports: a whole checked file written in one transaction (accounts matched by name, positions
 * set, unknown symbols added as placeholders for the tagger), or nothing at all.
 */
export function importsRepository(db: Executor) {
  return {
    /** Of `symbols`, those no instrument has yet: an import would add them as placeholders. */
    async unknownSymbols(symbols: readonly string[]): Promise<string[]> {
      const wanted = [...new Set(symbols.map((s, i) => validate(TickerSymbol, s, `[${i}]`)))].sort();
      if (wanted.length === 0) return [];
      const rows = await db.query<{ symbol: string }>(
        `SELECT symbol FROM instruments WHERE symbol IN (SELECT jsonb_array_elements_text(:symbols::jsonb))`,
        { symbols: sql.json(wanted) },
      );
      const known = new Set(rows.map((r) => r.symbol));
      return wanted.filter((s) => !known.has(s));
    },

    /**
     * Writes the import in one transaction. Accounts are matched to the user's by name (any case;
     * the oldest wins), others created; each listed position's quantity is set; with `replace`, the
     * imported accounts' other positions are removed. New symbols count against `placeholdersPerDay`
     * all at once, so a file cannot get round the limit the position form enforces.
     */
    async apply(
      clerkUserId: string,
      accounts: readonly ImportAccount[],
      options: { replace?: boolean; placeholdersPerDay?: number } = {},
    ): Promise<ImportOutcome> {
      return db.transaction(async (tx) => {
        // The user row is the lock that serialises one user's imports and placeholder quota.
        await tx.execute(
          `INSERT INTO users (clerk_user_id) VALUES (:user) ON CONFLICT (clerk_user_id) DO NOTHING`,
          { user: clerkUserId },
        );
        await tx.query('SELECT 1 FROM users WHERE clerk_user_id = :user FOR UPDATE', { user: clerkUserId });

        const symbols = accounts.flatMap((a) => a.positions.map((p) => p.symbol));
        const fresh = await importsRepository(tx).unknownSymbols(symbols);
        if (fresh.length > 0 && options.placeholdersPerDay !== undefined) {
          await checkQuota(tx, clerkUserId, fresh.length, options.placeholdersPerDay);
        }
        if (fresh.length > 0) {
          await tx.execute(
            `INSERT INTO instruments (symbol, name, is_user_added, created_by)
             SELECT s, s, true, :user FROM jsonb_array_elements_text(:symbols::jsonb) AS s
             ON CONFLICT (symbol) DO NOTHING`,
            { symbols: sql.json(fresh), user: clerkUserId },
          );
        }

        const outcome: ImportOutcome = {
          accounts_created: 0,
          accounts_updated: 0,
          positions_written: 0,
          positions_removed: 0,
          new_symbols: fresh,
        };
        for (const account of accounts) {
          const id = await accountId(tx, clerkUserId, account, outcome);
          await tx.batch(
            UPSERT_POSITION,
            account.positions.map((p) => ({
              account: sql.uuid(id),
              symbol: p.symbol,
              quantity: sql.decimal(p.quantity),
            })),
          );
          outcome.positions_written += account.positions.length;
          if (options.replace) {
            const { numberOfRecordsUpdated } = await tx.execute(
              `DELETE FROM positions WHERE account_id = :account
                 AND symbol NOT IN (SELECT jsonb_array_elements_text(:symbols::jsonb))`,
              { account: sql.uuid(id), symbols: sql.json(account.positions.map((p) => p.symbol)) },
            );
            outcome.positions_removed += numberOfRecordsUpdated;
          }
        }
        return outcome;
      });
    },
  };
}

/** The user's account of this name (any case), its cash set when given; created when there is none. */
async function accountId(
  tx: Executor,
  clerkUserId: string,
  account: ImportAccount,
  outcome: ImportOutcome,
): Promise<string> {
  const [existing] = await tx.query<{ id: string }>(
    `UPDATE accounts SET cash_balance = COALESCE(:cash, cash_balance)
     WHERE id = (SELECT id FROM accounts WHERE clerk_user_id = :user AND lower(account_name) = lower(:name)
                 ORDER BY created_at, id LIMIT 1)
     RETURNING id`,
    { user: clerkUserId, name: account.account_name, cash: sql.decimal(account.cash_balance) },
  );
  if (existing) {
    outcome.accounts_updated++;
    return existing.id;
  }
  const [created] = await tx.query<{ id: string }>(
    `INSERT INTO accounts (clerk_user_id, account_name, cash_balance)
     VALUES (:user, :name, COALESCE(:cash, 0)) RETURNING id`,
    { user: clerkUserId, name: account.account_name, cash: sql.decimal(account.cash_balance) },
  );
  if (!created) throw new ValidationError([{ field: 'account', message: 'could not be created' }]);
  outcome.accounts_created++;
  return created.id;
}

/** Refuses `adding` new placeholders when they would take the user past `perDay` in 24 hours. */
async function checkQuota(tx: Executor, clerkUserId: string, adding: number, perDay: number): Promise<void> {
  const [usage] = await tx.query<{ used: number; retry_after: number | null }>(
    `SELECT COUNT(*) AS used,
            EXTRACT(EPOCH FROM MIN(created_at) + interval '24 hours' - now())::float8 AS retry_after
     FROM instruments WHERE created_by = :user AND created_at > now() - interval '24 hours'`,
    { user: clerkUserId },
  );
  const used = usage?.used ?? 0;
  if (used + adding > perDay) {
    const left = Math.max(0, perDay - used);
    throw new LimitExceededError(
      `This file adds ${adding} symbols Alex does not know yet; you can add ${left} more today (at most ${perDay} a day)`,
      usage?.retry_after ?? 24 * 3600,
    );
  }
}

export type ImportsRepository = ReturnType<typeof importsRepository>;
