import { defineProject } from 'vitest/config';

// `npm test` runs the integration suite on in-memory PGlite; `npm run test:pg` runs the same
// suite on PostgreSQL (TEST_DATABASE_URL). Each file opens one database in beforeAll.
export default defineProject({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
