import { defineConfig, devices } from '@playwright/test';

// Run through `npm test` (or `npm run test:e2e`), which starts PostgreSQL and S3, builds the app and
// sets APP_URL; Playwright then starts the standalone server on that address. With E2E_FRESH_APP_URL (the
// full run sets it), a second server on a database of its own without the seed serves the specs in
// tests/e2e/fresh/ (a new deployment: the first admin, invitations).
const appUrl = new URL(process.env.APP_URL ?? 'http://127.0.0.1:3100');
const freshAppUrl = process.env.E2E_FRESH_APP_URL ? new URL(process.env.E2E_FRESH_APP_URL) : null;

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    // Debian's Chromium: Playwright's own browser download cannot work on these machines.
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? '.test-results/e2e.json' }]],
  use: {
    baseURL: appUrl.origin,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'chromium', testIgnore: ['fresh/**', 'attacks/**', 'faults/**'], use: chromium },
    ...(freshAppUrl
      ? [{ name: 'fresh database', testMatch: 'fresh/**/*.spec.ts', use: { ...chromium, baseURL: freshAppUrl.origin } }]
      : []),
    // The attack suites compare the database and the bucket before and after: they run last, one file at a time.
    {
      name: 'attacks',
      testMatch: 'attacks/**/*.spec.ts',
      use: chromium,
      workers: 1,
      dependencies: ['chromium', ...(freshAppUrl ? ['fresh database'] : [])],
    },
    // The fault specs start their own app server behind fault proxies and cut its services: after the rest.
    { name: 'faults', testMatch: 'faults/**/*.spec.ts', use: chromium, dependencies: ['attacks'] },
  ],
  webServer: [
    {
      // The artifact that ships: the standalone server (npm start), on APP_URL's host and port.
      command: 'node scripts/standalone-assets.mjs && node scripts/start.mjs',
      url: `${appUrl.origin}/api/health`,
      reuseExistingServer: false,
      // The file library's e2e test sends an ~11 MB file in 5 MiB parts (S3's smallest part size).
      env: {
        ...process.env,
        // Explicit: a container's environment often holds HOSTNAME (its own name), which would win over APP_URL.
        HOSTNAME: appUrl.hostname,
        PORT: appUrl.port,
        LIBRARY_MULTIPART_THRESHOLD_BYTES: '5242880',
        LIBRARY_PART_SIZE_BYTES: '5242880',
      } as Record<string, string>,
      timeout: 120_000,
      stdout: 'pipe' as const,
      stderr: 'pipe' as const,
    },
    ...(freshAppUrl
      ? [
          {
            command: 'node --import tsx tests/e2e/fresh/server.ts',
            url: `${freshAppUrl.origin}/api/health`,
            reuseExistingServer: false,
            env: process.env as Record<string, string>,
            timeout: 120_000,
          },
        ]
      : []),
  ],
});
