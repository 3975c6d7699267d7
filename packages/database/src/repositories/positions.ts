import type { Executor } from '../client/data-api-client.ts';
import { NotFoundError, ValidationError } from '../client/errors.ts';
import { sql } from '../client/params.ts';
import { Instrument, Position, PositionCreate, PositionUpdate } from '../schemas/index.ts';
import { INSTRUMENT_FIELDS, POSITION_FIELDS, prefixed, unprefix } from './columns.ts';
import { enforceDailyLimit } from './daily-limit.ts';
import { validate, validateId } from './validate.ts';

const COLUMNS = POSITION_FIELDS.map((c) => `p.${c}`).join(', ');
const RETURNING = POSITION_FIELDS.join(', ');

/** A position together with its instrument (name, type, price, allocations). */
export interface PositionWithInstrument extends Position {
  instrument: Instrument;
}

/** Positions: ownership is checked through the account, so user B can never touch user A's. */
export function positionsRepository(db: Executor) {
  return {
    /** The account's positions with their instruments; the account must be the user's. */
    async listForAccount(clerkUserId: string, accountId: string): Promise<PositionWithInstrument[]> {
      const rows = await db.query<Record<string, unknown>>(
        `SELECT ${COLUMNS}, ${prefixed(INSTRUMENT_FIELDS, 'i', 'i_')}
         FROM accounts a
         LEFT JOIN positions p ON p.account_id = a.id
         LEFT JOIN instruments i ON i.symbol = p.symbol
         WHERE a.id = :account AND a.clerk_user_id = :user
         ORDER BY p.symbol`,
        { account: sql.uuid(validateId(accountId, 'account_id')), user: clerkUserId },
      );
      if (rows.length === 0) throw new NotFoundError('account', accountId);
      return rows.filter((row) => row.id !== null).map(withInstrument);
    },

    async get(clerkUserId: string, id: string): Promise<Position> {
      const [row] = await db.query(
        `SELECT ${COLUMNS} FROM positions p JOIN accounts a ON a.id = p.account_id
         WHERE p.id = :id AND a.clerk_user_id = :user`,
        { id: sql.uuid(validateId(id)), user: clerkUserId },
      );
      if (!row) throw new NotFoundError('position', id);
      return Position.parse(row);
    },

    /**
     * Adds a position. For a symbol the account already holds, `mode` says what happens: `add` (the
     * default) adds the quantity to the one held, `replace` sets it. An unknown symbol becomes a
     * user-added placeholder instrument for the tagger, in the same transaction.
     */
    async upsert(
      clerkUserId: string,
      input: PositionCreate,
      options: { placeholdersPerDay?: number } = {},
    ): Promise<Position> {
      const position = validate(PositionCreate, input);
      return db.transaction(async (tx) => {
        const [owned] = await tx.query(
          'SELECT id FROM accounts WHERE id = :id AND clerk_user_id = :user FOR UPDATE',
          {
            id: sql.uuid(position.account_id),
            user: clerkUserId,
          },
        );
        if (!owned) throw new NotFoundError('account', position.account_id);
        if (options.placeholdersPerDay !== undefined) {
          await checkPlaceholderQuota(tx, clerkUserId, position.symbol, options.placeholdersPerDay);
        }
        await tx.execute(
          `INSERT INTO instruments (symbol, name, is_user_added, created_by)
           VALUES (:symbol, :symbol, true, :user)
           ON CONFLICT (symbol) DO NOTHING`,
          { symbol: position.symbol, user: clerkUserId },
        );
        const [row] = await tx
          .query(
            `INSERT INTO positions (account_id, symbol, quantity, as_of_date)
           VALUES (:account, :symbol, :quantity, COALESCE(:as_of, CURRENT_DATE))
           ON CONFLICT (account_id, symbol) DO UPDATE SET
             quantity = CASE WHEN :replace THEN EXCLUDED.quantity
                             ELSE positions.quantity + EXCLUDED.quantity END,
             as_of_date = EXCLUDED.as_of_date
           RETURNING ${RETURNING}`,
            {
              account: sql.uuid(position.account_id),
              symbol: position.symbol,
              quantity: sql.decimal(position.quantity),
              as_of: sql.date(position.as_of_date ?? null),
              replace: position.mode === 'replace',
            },
          )
          .catch((err: unknown) => {
            // Only a sum can overflow DECIMAL(20,8): the quantity itself was validated above.
            if (err instanceof ValidationError && err.issues[0]?.message === 'is out of range') {
              throw new ValidationError([
                {
                  field: 'quantity',
                  message: 'the total held would be too large (at most 12 digits before the point)',
                },
              ]);
            }
            throw err;
          });
        return Position.parse(row);
      });
    },

    async update(clerkUserId: string, id: string, input: PositionUpdate): Promise<Position> {
      const update = validate(PositionUpdate, input);
      const [row] = await db.query(
        `UPDATE positions p SET
           quantity = COALESCE(:quantity, p.quantity),
           as_of_date = COALESCE(:as_of, p.as_of_date)
         FROM accounts a
         WHERE p.id = :id AND a.id = p.account_id AND a.clerk_user_id = :user
         RETURNING ${COLUMNS}`,
        {
          id: sql.uuid(validateId(id)),
          user: clerkUserId,
          quantity: sql.decimal(update.quantity ?? null),
          as_of: sql.date(update.as_of_date ?? null),
        },
      );
      if (!row) throw new NotFoundError('position', id);
      return Position.parse(row);
    },

    async delete(clerkUserId: string, id: string): Promise<void> {
      const { numberOfRecordsUpdated } = await db.execute(
        `DELETE FROM positions p USING accounts a
         WHERE p.id = :id AND a.id = p.account_id AND a.clerk_user_id = :user`,
        { id: sql.uuid(validateId(id)), user: clerkUserId },
      );
      if (numberOfRecordsUpdated === 0) throw new NotFoundError('position', id);
    },
  };
}

function withInstrument(row: Record<string, unknown>): PositionWithInstrument {
  const position = Object.fromEntries(POSITION_FIELDS.map((c) => [c, row[c]]));
  return { ...Position.parse(position), instrument: Instrument.parse(unprefix(row, 'i_')) };
}

export type PositionsRepository = ReturnType<typeof positionsRepository>;

/**
 * Refuses a new placeholder once `clerkUserId` has created `perDay` in the last 24 hours (a symbol
 * that already exists costs nothing). The user's row is locked first, so two concurrent requests
 * of one user cannot both take the last slot.
 */
async function checkPlaceholderQuota(
  tx: Executor,
  clerkUserId: string,
  symbol: string,
  perDay: number,
): Promise<void> {
  const [known] = await tx.query('SELECT 1 AS known FROM instruments WHERE symbol = :symbol', { symbol });
  if (known) return;
  await tx.query('SELECT 1 FROM users WHERE clerk_user_id = :user FOR UPDATE', { user: clerkUserId });
  await enforceDailyLimit(
    tx,
    { table: 'instruments', owner: 'created_by' },
    clerkUserId,
    perDay,
    `You can add at most ${perDay} new symbols a day; try again later or pick a listed one`,
  );
}
