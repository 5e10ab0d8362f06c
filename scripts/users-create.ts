// npm run users:create -- --email a@b.c --name "A B" [--role admin|user]: creates an account and prints a
// one-time link to set its password (72 hours). The way to the first admin of a new deployment (the
// other is /setup): it needs only DATABASE_URL and APP_URL, and no mail server.
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { inviteSchema } from '@/lib/accounts/input';
import { db } from '@/lib/db';
import { DalError } from '@/lib/dal/errors';
import { createUserWithLink } from '@/lib/dal/user-create';
import { loadEnv } from '@/lib/env';
import { formatDateTime } from '@/lib/format';

const USAGE = 'Usage: npm run users:create -- --email a@b.c --name "A B" [--role admin|user]';

loadEnv('users:create');

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let values: { email?: string; name?: string; role?: string };
try {
  ({ values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'user' } },
  }));
} catch (error) {
  fail((error as Error).message);
}
const parsed = inviteSchema.safeParse({
  email: values.email ?? '',
  name: values.name ?? '',
  role: values.role?.toUpperCase(),
});
if (!parsed.success) fail(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n'));

try {
  const created = await createUserWithLink(parsed.data);
  console.log(`Created ${parsed.data.role === 'ADMIN' ? 'admin' : 'user'} ${parsed.data.email}.`);
  console.log(`Set the password here (works once, until ${formatDateTime(created.expiresAt, 'UTC')}):`);
  console.log(created.url);
} catch (error) {
  if (error instanceof DalError || error instanceof ZodError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
} finally {
  await db.$disconnect();
}
