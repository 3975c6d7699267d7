/**
 * Portfolio files in and out: positions CSVs (Alex's generic format, Fidelity's and Schwab's
 * positions exports) read and checked row by row into an import plan, and exports written so that
 * no cell runs as a spreadsheet formula. Pure: the database and HTTP live elsewhere.
 */
export * from './csv-read.ts';
export * from './csv-write.ts';
export * from './decode.ts';
export * from './errors.ts';
export * from './export-csv.ts';
export * from './formats.ts';
export * from './limits.ts';
export * from './plan.ts';
export * from './spreadsheet-safe.ts';
