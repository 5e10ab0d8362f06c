// npm test: the whole suite, in order: typecheck, lint, unit tests, then (with real PostgreSQL and a
// real S3 server started here) integration tests, and the production build under Playwright.
// `npm test -- unit integration` runs only the named stages. Ends with "N passed, N failed, N skipped".
import fs from 'node:fs';
import path from 'node:path';
import { startServices, type Services } from './lib/services';
import { freePort, log, run } from './lib/util.mjs';

const STAGES = ['typecheck', 'lint', 'unit', 'integration', 'e2e'] as const;
type Stage = (typeof STAGES)[number];

const requested = process.argv.slice(2).filter((a) => a !== '--');
const unknown = requested.filter((s) => !STAGES.includes(s as Stage));
if (unknown.length) {
  console.error(`Unknown stage(s): ${unknown.join(', ')}. Stages: ${STAGES.join(', ')}`);
  process.exit(2);
}
const stages = new Set<Stage>(requested.length ? (requested as Stage[]) : STAGES);
const resultsDir = path.resolve('.test-results');
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedStages: string[] = [];

/** Counts from Vitest's JSON report. */
function countVitest(file: string) {
  if (!fs.existsSync(file)) return;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

/** Counts from Playwright's JSON report (flaky tests count as failed: retries are off anyway). */
function countPlaywright(file: string) {
  if (!fs.existsSync(file)) return;
  const { stats } = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += stats.expected;
  totals.failed += stats.unexpected + stats.flaky;
  totals.skipped += stats.skipped;
}

async function stage(name: string, command: string, args: string[], options: { env?: NodeJS.ProcessEnv; report?: () => void } = {}) {
  const t0 = performance.now();
  log('test', `── ${name}`);
  const code = await run(command, args, { env: options.env ?? process.env });
  const failedBefore = totals.failed;
  options.report?.();
  if (!options.report && code === 0) totals.passed++; // a check without tests of its own counts as one
  if (code !== 0) {
    failedStages.push(name);
    // A failing check, or a runner that failed without a failed test (it died, or caught an
    // unhandled error), still counts as one failure in the summary line.
    if (totals.failed === failedBefore) totals.failed++;
  }
  log('test', `── ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const t0 = performance.now();
if (stages.has('typecheck')) await stage('typecheck', 'tsc', ['--noEmit']);
if (stages.has('lint')) await stage('lint', 'eslint', ['--max-warnings=0', '.']);
if (stages.has('unit')) {
  const out = path.join(resultsDir, 'unit.json');
  await stage('unit tests', 'vitest', ['run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], { report: () => countVitest(out) });
}

let services: Services | undefined;
if (stages.has('integration') || stages.has('e2e')) {
  const appUrl = `http://127.0.0.1:${await freePort()}`;
  const requireRgw = process.env.REQUIRE_RGW === '1' || process.env.CI === 'true';
  try {
    services = await startServices({ mode: 'test', appUrl, requireRgw });
  } catch (error) {
    log('test', 'could not start PostgreSQL and S3:', error instanceof Error ? error.message : error);
    failedStages.push('services');
    totals.failed++;
  }
}

if (services) {
  log('test', `S3 store for this run: ${services.storeKind} (${services.env.S3_ENDPOINT ?? 'AWS'})`);
  if (services.storeKind === 'emulator') {
    log('test', 'NOTE: radosgw is not installed, so tests that need S3 to enforce POST policies, bucket policies or Block Public Access are SKIPPED (each prints why). CI runs them against radosgw.');
  }
  try {
    if (stages.has('integration')) {
      const out = path.join(resultsDir, 'integration.json');
      await stage('integration tests', 'vitest', ['run', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {
        env: services.env,
        report: () => countVitest(out),
      });
    }
    if (stages.has('e2e')) {
      const prodEnv: NodeJS.ProcessEnv = { ...services.env, NODE_ENV: 'production', NEXT_DIST_DIR: '.next-test' };
      await stage('next build', 'next', ['build'], { env: prodEnv });
      if (!failedStages.includes('next build')) {
        const out = path.join(resultsDir, 'e2e.json');
        await stage('end-to-end tests (Chromium)', 'playwright', ['test'], { env: { ...prodEnv, PLAYWRIGHT_JSON_OUTPUT_FILE: out }, report: () => countPlaywright(out) });
      }
    }
  } finally {
    await services.stop();
  }
}

const seconds = ((performance.now() - t0) / 1000).toFixed(0);
console.log(`\nSuite finished in ${seconds} s${failedStages.length ? `; failed: ${failedStages.join(', ')}` : ''}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStages.length || totals.failed ? 1 : 0);
