import { MAX_IMPORT_FILE_BYTES } from '@alex/contract';

/** The largest positions file accepted (the contract's limit, so the SPA checks the same). */
export const MAX_IMPORT_BYTES = MAX_IMPORT_FILE_BYTES;

/** Rows of positions one import may carry (each is a statement parameter set in one transaction). */
export const MAX_IMPORT_ROWS = 2_000;

/** Accounts one import may create or change. */
export const MAX_IMPORT_ACCOUNTS = 50;
