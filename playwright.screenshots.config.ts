import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `npm run screenshots` (scripts/screenshots.ts): the e2e setup, pointed at tests/screenshots.
export default defineConfig({
  ...base,
  testDir: 'tests/screenshots',
  workers: 1,
  reporter: [['list']],
});
