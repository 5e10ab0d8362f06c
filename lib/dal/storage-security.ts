import 'server-only';
import { auditor } from '@/lib/dal/audit';
import { requireAdmin } from '@/lib/dal/session';
import { requestContext } from '@/lib/request-context';
import { bucket } from '@/lib/storage/client';
import { auditBucket, emit } from '@/lib/storage/security';
import { summarize, type AuditCheck, type CheckStatus } from '@/lib/storage/security/audit';
import type { DiffLine } from '@/lib/storage/security/diff';
import { runLab, type LabRow } from '@/lib/storage/security/lab';
import { describeError } from '@/lib/storage/security/store';
import { ttlTable } from '@/lib/storage/ttl';

export interface StorageAuditView {
  bucket: string;
  store: string;
  checks: AuditCheck[];
  summary: Record<CheckStatus, number>;
  plan: { id: string; title: string; state: string; notes: string[]; diff: DiffLine[] }[];
  ttls: { label: string; variable: string; seconds: number }[];
  generated: { title: string; command: string; json: string }[];
  /** Set when the bucket could not be read at all. */
  error?: string;
}

const GENERATED = [
  { title: 'App role IAM policy (least privilege)', what: 'iam' },
  { title: 'Access point policies', what: 'access-points' },
  { title: 'VPC endpoint policy and its bucket-policy condition', what: 'vpc-endpoint' },
] as const;

/** The access-control checklist of the live bucket, for admins. Reads only. */
export async function getStorageAudit(): Promise<StorageAuditView> {
  await requireAdmin();
  const base = {
    bucket: bucket(),
    ttls: ttlTable(),
    generated: GENERATED.map((g) => ({
      title: g.title,
      command: `npm run s3:audit -- --emit ${g.what}`,
      json: JSON.stringify(emit(g.what), null, 2),
    })),
  };
  try {
    const report = await auditBucket();
    return {
      ...base,
      store: report.store,
      checks: report.checks,
      summary: summarize(report.checks),
      plan: report.plan.map((c) => ({
        id: c.id,
        title: c.title,
        state: c.unsupported ? `skipped: ${c.unsupported}` : c.changed ? 'will change' : 'already as recommended',
        notes: c.notes,
        diff: c.changed && !c.unsupported ? c.diff : [],
      })),
    };
  } catch (error) {
    return { ...base, store: 'unknown', checks: [], summary: summarize([]), plan: [], error: describeError(error) };
  }
}

/** Runs the access-control lab against the live bucket, for admins, and records that it ran. */
export async function runStorageLab(): Promise<LabRow[]> {
  const admin = await requireAdmin();
  const audit = auditor(admin.id, await requestContext());
  const rows = await runLab();
  await audit('storage.lab', 'granted', bucket(), {
    detail: rows.map((r) => ({
      id: r.id,
      outcome: r.outcome,
      status: r.actual?.status ?? null,
      code: r.actual?.code ?? null,
    })),
  });
  return rows;
}
