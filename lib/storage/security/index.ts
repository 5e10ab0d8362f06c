import 'server-only';
import type { S3Client } from '@aws-sdk/client-s3';
import { bucket as configuredBucket, s3 } from '@/lib/storage/client';
import { corsRules } from '@/lib/storage/cors';
import { lifecycleRules } from '@/lib/storage/lifecycle';
import { auditChecks, type AuditCheck } from '@/lib/storage/security/audit';
import { securityConfig } from '@/lib/storage/security/config';
import { applyHarden, planHarden, type HardenChange, type HardenResult } from '@/lib/storage/security/harden';
import {
  accessPointPolicies,
  appRolePolicy,
  bucketPolicyStatements,
  mergePolicy,
  vpcEndpointPolicy,
} from '@/lib/storage/security/policies';
import { readBucketState, type BucketState } from '@/lib/storage/security/state';

export interface AuditReport {
  bucket: string;
  store: BucketState['kind'];
  checks: AuditCheck[];
  plan: HardenChange[];
}

/** Reads the live bucket and checks it against the app's configuration; changes nothing. */
export async function auditBucket(client: S3Client = s3(), name: string = configuredBucket()): Promise<AuditReport> {
  const state = await readBucketState(client, name);
  const config = securityConfig(name);
  return { bucket: name, store: state.kind, checks: auditChecks(state, config), plan: planHarden(state, config) };
}

/** Applies the recommended settings (idempotent); with dryRun, only returns the plan. */
export async function hardenBucket(
  options: { dryRun: boolean },
  client: S3Client = s3(),
  name: string = configuredBucket(),
): Promise<{ plan: HardenChange[]; results: HardenResult[] }> {
  const state = await readBucketState(client, name);
  const plan = planHarden(state, securityConfig(name));
  return { plan, results: options.dryRun ? [] : await applyHarden(client, plan, state.kind) };
}

export const EMITTABLE = ['iam', 'access-points', 'vpc-endpoint', 'bucket-policy', 'cors', 'lifecycle'] as const;
export type Emittable = (typeof EMITTABLE)[number];

/** The JSON documents Guestpass generates from its configuration (for the README, IAM, the console). */
export function emit(what: Emittable, existingPolicy: BucketState['policy'] = null): unknown {
  const config = securityConfig();
  switch (what) {
    case 'iam':
      return appRolePolicy(config);
    case 'access-points':
      return accessPointPolicies(config);
    case 'vpc-endpoint':
      return vpcEndpointPolicy(config);
    case 'bucket-policy':
      return mergePolicy(existingPolicy, bucketPolicyStatements(config)).policy;
    case 'cors':
      return { CORSRules: corsRules(config.origins) };
    case 'lifecycle':
      return { Rules: lifecycleRules(config.noncurrentVersionDays) };
  }
}
