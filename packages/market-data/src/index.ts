/**
 * Dated prices: the {@link PriceSource} port, a CSV source, the Polygon.io adapter, and the update
 * that stores quotes in `instruments` (price and the day it is for, never over a newer price).
 */
export * from './csv-source.ts';
export * from './polygon.ts';
export * from './port.ts';
export * from './update.ts';
