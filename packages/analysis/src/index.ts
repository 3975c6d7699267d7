export * from './facts.ts';
export * from './retirement-inputs.ts';
