export * from './auth.ts';
export * from './catalog.ts';
export * from './customer-imports.ts';
export * from './customers.ts';
export * from './orders.ts';
export * from './tenancy.ts';
