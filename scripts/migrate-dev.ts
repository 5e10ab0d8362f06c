// npm run db:migrate:dev -- --name <name>: writes a new migration from prisma/schema.prisma.
// Diffs against a throw-away embedded PostgreSQL unless DATABASE_URL is set.
import { startEmbeddedPostgres } from './lib/postgres.mjs';
import { mustRun } from './lib/util.mjs';

const args = ['scripts/migrate.mjs', 'dev', ...process.argv.slice(2)];
if (process.env.DATABASE_URL) {
  await mustRun(process.execPath, args);
} else {
  const pg = await startEmbeddedPostgres({ fresh: true });
  try {
    await mustRun(process.execPath, args, { env: { ...process.env, DATABASE_URL: pg.url } });
  } finally {
    await pg.stop();
  }
}
