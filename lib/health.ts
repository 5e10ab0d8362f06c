import 'server-only';
import { db } from '@/lib/db';
import { bucket, s3 } from '@/lib/storage/client';
import { probeBucket } from '@/lib/storage/bucket';
import { auditChecks, type AuditCheck } from '@/lib/storage/security/audit';
import { securityConfig } from '@/lib/storage/security/config';
import { readBucketState } from '@/lib/storage/security/state';
import { describeError } from '@/lib/storage/security/store';

/**
 * ok: works as configured. warn: works, with a caveat the audit explains. degraded: works in part
 * (e.g. no CORS rule: browser uploads fail). unavailable: down. unsupported: the store has no such setting.
 */
export type CheckState = 'ok' | 'warn' | 'degraded' | 'unavailable' | 'unsupported';

export interface HealthCheck {
  status: CheckState;
  /** What was found, in the audit's words, or the error: for admins only (it can name internals). */
  detail?: string;
  fix?: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded' | 'unavailable';
  checks: Record<string, HealthCheck>;
  /** When the credentials that sign URLs expire (temporary credentials); null for long-term keys. */
  signingCredentialsExpireAt: string | null;
  checkedAt: string;
}

/** The audit's checks that decide whether users can work: each is part of the health report under its id. */
const SERVING_CHECKS: Record<string, string> = {
  cors: 'cors',
  versioning: 'versioning',
  lifecycle: 'lifecycle',
  presign: 'signingCredentials',
};

const FROM_AUDIT: Record<AuditCheck['status'], CheckState> = {
  pass: 'ok',
  warn: 'warn',
  fail: 'degraded',
  unsupported: 'unsupported',
};

async function databaseCheck(): Promise<HealthCheck> {
  try {
    await db.$queryRaw`SELECT 1`;
    return { status: 'ok' };
  } catch (error) {
    return { status: 'unavailable', detail: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

/** Reachability, then the bucket's CORS rule, versioning, lifecycle and signing credentials as the audit judges them. */
async function storageChecks(): Promise<{ checks: Record<string, HealthCheck>; expiresAt: Date | null }> {
  try {
    await probeBucket(s3(), bucket());
  } catch (error) {
    return { checks: { bucket: { status: 'unavailable', detail: describeError(error) } }, expiresAt: null };
  }
  const state = await readBucketState(s3(), bucket());
  const checks: Record<string, HealthCheck> = { bucket: { status: 'ok' } };
  for (const check of auditChecks(state, securityConfig())) {
    const name = SERVING_CHECKS[check.id];
    if (name) checks[name] = { status: FROM_AUDIT[check.status], detail: check.reason, fix: check.fix };
  }
  return { checks, expiresAt: state.credentialsExpireAt };
}

/**
 * The instance's health: unavailable when the database or the bucket does not answer, degraded when
 * a setting users depend on is missing or wrong (naming which), ok otherwise.
 */
export async function checkHealth(): Promise<HealthReport> {
  const [database, storage] = await Promise.all([databaseCheck(), storageChecks()]);
  const checks = { database, ...storage.checks };
  const states = Object.values(checks).map((c) => c.status);
  return {
    status: states.includes('unavailable') ? 'unavailable' : states.includes('degraded') ? 'degraded' : 'ok',
    checks,
    signingCredentialsExpireAt: storage.expiresAt?.toISOString() ?? null,
    checkedAt: new Date().toISOString(),
  };
}

/** What anyone may see: each check's status, without details that can name hosts, users or errors. */
export function publicHealth(report: HealthReport): HealthReport {
  const checks = Object.fromEntries(Object.entries(report.checks).map(([name, { status }]) => [name, { status }]));
  return { ...report, checks };
}
