export * from './audit.ts';
export * from './auth.ts';
export * from './counters.ts';
export * from './idempotency.ts';
export * from './tenancy.ts';
