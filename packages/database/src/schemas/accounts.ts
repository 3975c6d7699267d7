import { z } from 'zod';
import {
  decimalString,
  freeText,
  IsoDate,
  IsoTimestamp,
  MAX_TEXT,
  nameText,
  TickerSymbol,
  Uuid,
} from './primitives.ts';

const accountFields = {
  account_name: nameText(255).describe('Name of the account, e.g. "401k" or "Roth IRA"'),
  account_purpose: freeText(MAX_TEXT).nullable().describe('What the account is for'),
  cash_balance: decimalString(12, 2, { min: 0 }).describe('Uninvested cash in USD'),
  cash_interest: decimalString(5, 4, { min: 0 }).describe(
    'Annual interest on cash as a fraction (0.045 = 4.5%)',
  ),
};

/** A new account; cash defaults to 0. */
export const AccountCreate = z.object({
  account_name: accountFields.account_name,
  account_purpose: accountFields.account_purpose.optional(),
  cash_balance: accountFields.cash_balance.optional(),
  cash_interest: accountFields.cash_interest.optional(),
});
export type AccountCreate = z.input<typeof AccountCreate>;

/** A partial update of an account; at least one field. */
export const AccountUpdate = z
  .object(accountFields)
  .partial()
  .strict()
  .refine((update) => Object.keys(update).length > 0, 'must change at least one field');
export type AccountUpdate = z.input<typeof AccountUpdate>;

/** An account row. */
export const Account = z.object({
  id: z.string(),
  clerk_user_id: z.string(),
  account_name: z.string(),
  account_purpose: z.string().nullable(),
  cash_balance: z.string(),
  cash_interest: z.string(),
  created_at: IsoTimestamp,
  updated_at: IsoTimestamp,
});
export type Account = z.infer<typeof Account>;

/** A quantity of shares: DECIMAL(20,8), strictly positive (fractional shares allowed). */
export const Quantity = decimalString(20, 8)
  .refine((q) => Number(q) > 0, 'must be greater than 0')
  .describe('Number of shares (fractional allowed)');

/** A new position, or more of a symbol already held (upsert on account and symbol). */
export const PositionCreate = z.object({
  account_id: Uuid,
  symbol: TickerSymbol,
  quantity: Quantity,
  as_of_date: IsoDate.optional(),
});
export type PositionCreate = z.input<typeof PositionCreate>;

/** A change to a position's quantity or date. */
export const PositionUpdate = z
  .object({ quantity: Quantity, as_of_date: IsoDate })
  .partial()
  .strict()
  .refine((update) => Object.keys(update).length > 0, 'must change at least one field');
export type PositionUpdate = z.input<typeof PositionUpdate>;

/** A position row. */
export const Position = z.object({
  id: z.string(),
  account_id: z.string(),
  symbol: z.string(),
  quantity: z.string(),
  as_of_date: z.string(),
  created_at: IsoTimestamp,
  updated_at: IsoTimestamp,
});
export type Position = z.infer<typeof Position>;
