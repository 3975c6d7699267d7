import type { Executor } from '../client/data-api-client.ts';
import { NotFoundError } from '../client/errors.ts';
import { sql } from '../client/params.ts';
import { Account, AccountCreate, AccountUpdate } from '../schemas/index.ts';
import { ACCOUNT_FIELDS } from './columns.ts';
import { parseRows, validate, validateId } from './validate.ts';

const COLUMNS = ACCOUNT_FIELDS.join(', ');

/** Accounts: every read and write is scoped to the owning user. */
export function accountsRepository(db: Executor) {
  return {
    async list(clerkUserId: string): Promise<Account[]> {
      const rows = await db.query(
        `SELECT ${COLUMNS} FROM accounts WHERE clerk_user_id = :user ORDER BY created_at, account_name`,
        { user: clerkUserId },
      );
      return parseRows(Account, rows);
    },

    /** The user's account; another user's or a missing one is a {@link NotFoundError} alike. */
    async get(clerkUserId: string, id: string): Promise<Account> {
      const [row] = await db.query(
        `SELECT ${COLUMNS} FROM accounts WHERE id = :id AND clerk_user_id = :user`,
        {
          id: sql.uuid(validateId(id)),
          user: clerkUserId,
        },
      );
      if (!row) throw new NotFoundError('account', id);
      return Account.parse(row);
    },

    async create(clerkUserId: string, input: AccountCreate): Promise<Account> {
      const account = validate(AccountCreate, input);
      const [row] = await db.query(
        `INSERT INTO accounts (clerk_user_id, account_name, account_purpose, cash_balance, cash_interest)
         VALUES (:user, :name, :purpose, :cash, :interest)
         RETURNING ${COLUMNS}`,
        {
          user: clerkUserId,
          name: account.account_name,
          purpose: account.account_purpose ?? null,
          cash: sql.decimal(account.cash_balance ?? '0'),
          interest: sql.decimal(account.cash_interest ?? '0'),
        },
      );
      return Account.parse(row);
    },

    async update(clerkUserId: string, id: string, input: AccountUpdate): Promise<Account> {
      const update = validate(AccountUpdate, input);
      const [row] = await db.query(
        `UPDATE accounts SET
           account_name = COALESCE(:name, account_name),
           account_purpose = CASE WHEN :set_purpose THEN :purpose ELSE account_purpose END,
           cash_balance = COALESCE(:cash, cash_balance),
           cash_interest = COALESCE(:interest, cash_interest)
         WHERE id = :id AND clerk_user_id = :user
         RETURNING ${COLUMNS}`,
        {
          id: sql.uuid(validateId(id)),
          user: clerkUserId,
          name: update.account_name ?? null,
          set_purpose: 'account_purpose' in update,
          purpose: update.account_purpose ?? null,
          cash: sql.decimal(update.cash_balance ?? null),
          interest: sql.decimal(update.cash_interest ?? null),
        },
      );
      if (!row) throw new NotFoundError('account', id);
      return Account.parse(row);
    },

    /** Deletes the account and its positions. */
    async delete(clerkUserId: string, id: string): Promise<void> {
      const { numberOfRecordsUpdated } = await db.execute(
        'DELETE FROM accounts WHERE id = :id AND clerk_user_id = :user',
        {
          id: sql.uuid(validateId(id)),
          user: clerkUserId,
        },
      );
      if (numberOfRecordsUpdated === 0) throw new NotFoundError('account', id);
    },

    /** Deletes all of a user's accounts (local reset helper). Returns how many. */
    async deleteAll(clerkUserId: string): Promise<number> {
      const { numberOfRecordsUpdated } = await db.execute(
        'DELETE FROM accounts WHERE clerk_user_id = :user',
        {
          user: clerkUserId,
        },
      );
      return numberOfRecordsUpdated;
    },
  };
}

export type AccountsRepository = ReturnType<typeof accountsRepository>;
