import { defineConfig } from 'drizzle-kit';

/** `npm run db:generate` writes SQL migrations to ./drizzle from the committed schema (no database needed). */
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/db/schema/index.ts', './src/domains/*/tables.ts'],
  out: './drizzle',
});
