import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

// The deploy test: tests/deploy/setup.ts installs, builds and starts a production deployment; the
// spec drives it. One worker: the steps build on each other (one admin, one share).
export default defineConfig({
  ...base,
  testDir: '.',
  globalSetup: './setup.ts',
  // Installing and building a production copy, and a fresh radosgw, take a few minutes on 2 cores.
  globalTimeout: 20 * 60_000,
  timeout: 120_000,
  workers: 1,
  // The seeded-app project only (no second "fresh database" server here), and no web server: the setup starts the instances.
  projects: base.projects?.filter((project) => project.name === 'chromium'),
  webServer: undefined,
  use: { ...base.use, baseURL: undefined },
});
