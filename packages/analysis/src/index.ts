export * from './facts.ts';
export * from './rebalance.ts';
export * from './retirement-inputs.ts';
export * from './snapshot.ts';
