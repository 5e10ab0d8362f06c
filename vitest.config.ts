import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const resolve = {
  alias: {
    '@/': root,
    // Tests run the server modules directly, outside React's server environment.
    'server-only': fileURLToPath(new URL('node_modules/server-only/empty.js', import.meta.url)),
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // next-auth imports `next/server` without an extension, which only a bundler resolves: let Vite load it.
          server: { deps: { inline: ['next-auth'] } },
        },
      },
      {
        resolve,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // Real PostgreSQL and S3: slower than unit tests, and files share one database.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // next-auth imports `next/server` without a file extension, which Node's ESM resolver
          // refuses; bundled by Vite, it resolves (tests/integration/session-end.test.ts runs it).
          server: { deps: { inline: ['next-auth'] } },
        },
      },
    ],
  },
});
