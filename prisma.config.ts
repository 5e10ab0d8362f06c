import { defineConfig } from 'prisma/config';

// Migrations are applied by scripts/migrate.mjs (Prisma's WASM schema engine, works offline); this
// config is read by `prisma generate` and by the standard Prisma CLI on machines that have it.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
