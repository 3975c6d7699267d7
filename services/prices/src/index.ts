/** The daily price-update Lambda: its handler over explicit dependencies and the Polygon key reader. */
export * from './create-handler.ts';
export * from './secret.ts';
