import { Account as AccountView, Position as PositionView } from '@alex/contract';
import { z } from 'zod';

// The request schemas (AccountCreate, PositionCreate, ...) are the HTTP contract's; see @alex/contract.

/** An account row: the shape the API sends (one definition, in the contract), read leniently. */
export const Account = z.object(AccountView.shape);
export type Account = z.infer<typeof Account>;

/** A position row: the shape the API sends (one definition, in the contract), read leniently. */
export const Position = z.object(PositionView.shape);
export type Position = z.infer<typeof Position>;
