/**
 * Creates a company (tenant) and its first admin from the shell, and prints a one-time link
 * (valid 1 hour) for the admin to set their password. With PGlite the server must be stopped.
 *
 *   npm run create-company -w packages/server -- --name "株式会社サンプル" --admin-email a@example.jp --admin-name "山田 太郎"
 */
import { parseArgs } from 'node:util';
import { createCompany } from '../src/domains/people/create-company.ts';
import { issuePasswordReset } from '../src/domains/people/issue-password-reset.ts';
import { SignUpBody } from '../src/domains/people/people-schemas.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/open-database.ts';
import { AppError } from '../src/platform/errors.ts';

const { values } = parseArgs({
  options: {
    name: { type: 'string' },
    'admin-email': { type: 'string' },
    'admin-name': { type: 'string' },
  },
});
const parsed = SignUpBody.omit({ password: true }).safeParse({
  companyName: values.name,
  adminName: values['admin-name'],
  email: values['admin-email'],
});
if (!parsed.success) {
  console.error(
    'Usage: npm run create-company -w packages/server -- --name NAME --admin-email EMAIL --admin-name NAME\n' +
      parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n'),
  );
  process.exit(2);
}

const config = loadConfig();
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  adminUrl: config.databaseAdminUrl,
  dataDir: config.dataDir,
});
try {
  // The app's own login, as a request would: RLS applies to the tenant rows it writes.
  const company = await createCompany({ db: database.db, input: { ...parsed.data, password: null } });
  const reset = await issuePasswordReset({
    db: database.db,
    actor: company.admin,
    userId: company.userId,
    mail: { smtpUrl: undefined, from: config.mailFrom, publicUrl: config.baseUrl, locale: 'ja' },
  });
  console.log(
    `Created ${parsed.data.companyName} (tenant ${company.tenantId}) with admin ${parsed.data.email}.`,
  );
  console.log(`Password link (one use, until ${reset.expiresAt}):\n${reset.link}`);
} catch (error) {
  if (error instanceof AppError) {
    console.error(`${error.text.en}${error.fields ? ` ${JSON.stringify(error.fields)}` : ''}`);
    process.exitCode = 1;
  } else throw error;
} finally {
  await database.close();
}
