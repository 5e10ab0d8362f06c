// npm test: the whole suite, in order: typecheck, lint, format (Prettier), unit tests, then (with real PostgreSQL and a
// real S3 server started here) integration tests, and the production build under Playwright, then the
// deploy test (a production install driven by docs/deploy.md, tests/deploy). When
// that S3 server is radosgw, the integration tests and the library, profile and share specs run a
// second time against the in-process emulator, the default of `npm run dev`. Last, a 60-second soak
// (scripts/soak.ts) of two instances of that build on one database and store of their own.
// `npm test -- unit integration` runs only the named stages. Ends with "N passed, N failed, N skipped".
import fs from 'node:fs';
import path from 'node:path';
import { MISSING_FEATURES } from '../tests/helpers/store';
import { radosgwInstalled } from './lib/s3-local.mjs';
import { startServices, type Services } from './lib/services';
import { freePort, log, run } from './lib/util.mjs';

const STAGES = ['typecheck', 'lint', 'format', 'unit', 'integration', 'e2e', 'deploy', 'soak'] as const;
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
/** Sanctioned skips by reason ("on the emulator: needs bucket policy"), and every other skip by test name. */
const skipReasons = new Map<string, number>();
const strayedSkips: string[] = [];

/**
 * A skip is sanctioned only when the test's title says what it needs (`[needs …]`, from
 * tests/helpers/store.ts) and this run's store lacks exactly that; any other skip fails the run.
 */
function countSkip(name: string, storeKind: string) {
  totals.skipped++;
  const needed = /\[needs ([^\]]+)\]/.exec(name)?.[1].split(', ') ?? [];
  const missing = needed.filter((f) => (MISSING_FEATURES[storeKind] as string[] | undefined)?.includes(f));
  if (!missing.length) return void strayedSkips.push(`${name} (on ${storeKind})`);
  const reason = `on the ${storeKind}: needs ${missing.join(', ')}`;
  skipReasons.set(reason, (skipReasons.get(reason) ?? 0) + 1);
}

/** Counts from Vitest's JSON report. */
function countVitest(file: string, storeKind: string) {
  if (!fs.existsSync(file)) return;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  for (const result of report.testResults as { assertionResults: { fullName: string; status: string }[] }[]) {
    for (const test of result.assertionResults)
      if (['pending', 'skipped', 'todo'].includes(test.status)) countSkip(test.fullName, storeKind);
  }
}

interface PlaywrightSuite {
  title: string;
  specs?: { title: string; tests: { status: string }[] }[];
  suites?: PlaywrightSuite[];
}

/** Counts from Playwright's JSON report (flaky tests count as failed: retries are off anyway). */
function countPlaywright(file: string, storeKind: string) {
  if (!fs.existsSync(file)) return;
  const { stats, suites } = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += stats.expected;
  totals.failed += stats.unexpected + stats.flaky;
  const walk = (suite: PlaywrightSuite, path: string) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests) if (test.status === 'skipped') countSkip(`${path} ${spec.title}`, storeKind);
    for (const child of suite.suites ?? []) walk(child, `${path} ${child.title}`);
  };
  for (const suite of suites as PlaywrightSuite[]) walk(suite, suite.title);
}

async function stage(
  name: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; report?: () => void } = {},
) {
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
  log(
    'test',
    `── ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

const t0 = performance.now();
if (stages.has('typecheck')) await stage('typecheck', 'tsc', ['--noEmit']);
if (stages.has('lint')) await stage('lint', 'eslint', ['--max-warnings=0', '.']);
if (stages.has('format')) await stage('format', 'prettier', ['--check', '.']);
if (stages.has('unit')) {
  const out = path.join(resultsDir, 'unit.json');
  await stage(
    'unit tests',
    'vitest',
    ['run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    { report: () => countVitest(out, 'no store') },
  );
}

/** The specs that walk the app's S3 flows: run again on the emulator after a radosgw run. */
const EMULATOR_E2E_SPECS = [
  'tests/e2e/library.spec.ts',
  'tests/e2e/profile.spec.ts',
  'tests/e2e/shares.spec.ts',
  'tests/e2e/partner.spec.ts',
];

/** Integration tests and e2e specs (all when `specs` is undefined) against one freshly started store. */
async function storePass(
  appUrl: string,
  options: { emulator: boolean; label: string; specs?: string[]; freshAppUrl?: string },
): Promise<Services['storeKind'] | undefined> {
  let services: Services;
  try {
    const requireRgw = !options.emulator && (process.env.REQUIRE_RGW === '1' || process.env.CI === 'true');
    services = await startServices({
      mode: 'test',
      appUrl,
      requireRgw,
      emulator: options.emulator,
      extraOrigins: options.freshAppUrl ? [options.freshAppUrl] : [],
    });
  } catch (error) {
    log('test', 'could not start PostgreSQL and S3:', error instanceof Error ? error.message : error);
    failedStages.push(`services${options.label}`);
    totals.failed++;
    return undefined;
  }
  const kind = services.storeKind;
  log('test', `S3 store for these tests: ${kind} (${services.env.S3_ENDPOINT ?? 'AWS'})`);
  if (kind === 'emulator')
    log(
      'test',
      `NOTE: the emulator has no ${MISSING_FEATURES.emulator.join(', ')}: tests that need them are skipped here (radosgw runs them).`,
    );
  try {
    if (stages.has('integration')) {
      const out = path.join(resultsDir, `integration${options.label}.json`);
      await stage(
        `integration tests${options.label}`,
        'vitest',
        ['run', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
        {
          env: services.env,
          report: () => countVitest(out, kind),
        },
      );
    }
    if (stages.has('e2e')) {
      const prodEnv: NodeJS.ProcessEnv = {
        ...services.env,
        NODE_ENV: 'production',
        NEXT_DIST_DIR: '.next-test',
        // A second app server on a database of its own, without the seed (tests/e2e/fresh/), with an
        // OpenID provider of its own at E2E_SSO_ISSUER.
        ...(options.freshAppUrl
          ? { E2E_FRESH_APP_URL: options.freshAppUrl, E2E_SSO_ISSUER: `http://127.0.0.1:${await freePort()}` }
          : {}),
      };
      // One build serves both passes: the store is configured at run time, not at build time.
      if (!options.specs) await stage('next build', 'next', ['build'], { env: prodEnv });
      if (!failedStages.includes('next build')) {
        const out = path.join(resultsDir, `e2e${options.label}.json`);
        await stage(`end-to-end tests (Chromium)${options.label}`, 'playwright', ['test', ...(options.specs ?? [])], {
          env: { ...prodEnv, PLAYWRIGHT_JSON_OUTPUT_FILE: out },
          report: () => countPlaywright(out, kind),
        });
      }
    }
  } finally {
    await services.stop();
  }
  return kind;
}

if (stages.has('integration') || stages.has('e2e')) {
  const appUrl = `http://127.0.0.1:${await freePort()}`;
  const freshAppUrl = `http://127.0.0.1:${await freePort()}`;
  const first = await storePass(appUrl, { emulator: false, label: '', freshAppUrl });
  if (first === 'radosgw')
    await storePass(appUrl, { emulator: true, label: ' on the emulator', specs: EMULATOR_E2E_SPECS });
}

/**
 * The deploy test (tests/deploy): a production install on a fresh PostgreSQL and a fresh radosgw,
 * driven by docs/deploy.md's commands, with Chromium. It needs radosgw (a store whose buckets the
 * documented commands create and harden): without it, outside CI, it is a skip with that reason.
 */
if (stages.has('deploy')) {
  if (radosgwInstalled() || process.env.REQUIRE_RGW === '1' || process.env.CI === 'true') {
    const out = path.join(resultsDir, 'deploy.json');
    await stage('deploy test (production install, two instances)', 'playwright', ['test', '-c', 'tests/deploy'], {
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: out },
      report: () => countPlaywright(out, 'radosgw'),
    });
  } else {
    log(
      'test',
      'NOTE: the deploy stage needs Ceph radosgw (apt-get install ceph-mon ceph-osd radosgw ceph-common); CI runs it.',
    );
    totals.skipped++;
    skipReasons.set('deploy stage: needs Ceph radosgw', 1);
  }
}

// The e2e stage's build serves it too; without that stage the soak builds its own.
if (stages.has('soak'))
  await stage('soak (60 s, two instances)', 'tsx', [
    'scripts/soak.ts',
    '--seconds',
    '60',
    ...(stages.has('e2e') && !failedStages.includes('next build') ? ['--reuse-build'] : []),
  ]);

const seconds = ((performance.now() - t0) / 1000).toFixed(0);
for (const [reason, count] of skipReasons) console.log(`skipped ${count} ${reason}`);
if (strayedSkips.length) {
  console.log(
    `FAILED: ${strayedSkips.length} test(s) skipped without a reason this store sanctions:\n  ${strayedSkips.join('\n  ')}`,
  );
  failedStages.push('unsanctioned skips');
  totals.failed += strayedSkips.length;
}
console.log(`\nSuite finished in ${seconds} s${failedStages.length ? `; failed: ${failedStages.join(', ')}` : ''}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStages.length || totals.failed ? 1 : 0);
