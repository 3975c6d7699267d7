import type { Executor } from '../client/data-api-client.ts';
import { NotFoundError } from '../client/errors.ts';
import { Account, Instrument, Position, USER_COLUMNS, type User, userFromRow } from '../schemas/index.ts';
import { ACCOUNT_FIELDS, INSTRUMENT_FIELDS, POSITION_FIELDS, prefixed, unprefix } from './columns.ts';

const USER_FIELDS = USER_COLUMNS;

/** A user's whole portfolio: accounts, their positions, and each position's instrument. */
export interface Portfolio {
  user: User;
  accounts: (Account & { positions: (Position & { instrument: Instrument })[] })[];
}

/** Reads whole portfolios in two statements, however many accounts and positions there are. */
export function portfolioRepository(db: Executor) {
  return {
    async get(clerkUserId: string): Promise<Portfolio> {
      const [holdings, instruments] = await Promise.all([
        db.query(
          `SELECT ${prefixed(USER_FIELDS, 'u', 'u_')}, ${prefixed(ACCOUNT_FIELDS, 'a', 'a_')},
                  ${prefixed(POSITION_FIELDS, 'p', 'p_')}
           FROM users u
           LEFT JOIN accounts a ON a.clerk_user_id = u.clerk_user_id
           LEFT JOIN positions p ON p.account_id = a.id
           WHERE u.clerk_user_id = :user
           ORDER BY a.created_at, a.account_name, a.id, p.symbol`,
          { user: clerkUserId },
        ),
        db.query(
          `SELECT ${INSTRUMENT_FIELDS.join(', ')} FROM instruments
           WHERE symbol IN (SELECT p.symbol FROM positions p JOIN accounts a ON a.id = p.account_id
                            WHERE a.clerk_user_id = :user)`,
          { user: clerkUserId },
        ),
      ]);
      const first = holdings[0];
      if (!first) throw new NotFoundError('user', clerkUserId);

      const bySymbol = new Map(instruments.map((row) => [row.symbol as string, Instrument.parse(row)]));
      const accounts = new Map<string, Portfolio['accounts'][number]>();
      for (const row of holdings) {
        if (row.a_id === null) continue;
        const accountId = row.a_id as string;
        let account = accounts.get(accountId);
        if (!account) {
          account = { ...Account.parse(unprefix(row, 'a_')), positions: [] };
          accounts.set(accountId, account);
        }
        if (row.p_id === null) continue;
        const position = Position.parse(unprefix(row, 'p_'));
        const instrument = bySymbol.get(position.symbol);
        // A position added between the two statements may lack its instrument; the next read has it.
        if (instrument) account.positions.push({ ...position, instrument });
      }
      return { user: userFromRow(unprefix(first, 'u_')), accounts: [...accounts.values()] };
    },
  };
}

export type PortfolioRepository = ReturnType<typeof portfolioRepository>;
