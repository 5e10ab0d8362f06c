import 'server-only';
import {
  PutBucketCorsCommand,
  PutBucketEncryptionCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  type PublicAccessBlockConfiguration,
  type S3Client,
} from '@aws-sdk/client-s3';
import { corsRules } from '@/lib/storage/cors';
import { canonicalRule, MANAGED_RULE_PREFIX, mergeLifecycleRules } from '@/lib/storage/lifecycle';
import { NOT_SUPPORTED } from '@/lib/storage/security/audit';
import { canonicalJson, lineDiff, type DiffLine } from '@/lib/storage/security/diff';
import { assertValidPolicy } from '@/lib/storage/security/grammar';
import {
  bucketPolicyStatements,
  canonicalStatement,
  mergePolicy,
  type SecurityConfig,
} from '@/lib/storage/security/policies';
import type { BucketState } from '@/lib/storage/security/state';
import { describeError, isUnsupported } from '@/lib/storage/security/store';

export interface HardenChange {
  id: 'policy' | 'publicAccessBlock' | 'cors' | 'lifecycle' | 'versioning' | 'ownership' | 'encryption';
  title: string;
  changed: boolean;
  /** Set when the store cannot take this setting: the change is not attempted. */
  unsupported?: string;
  notes: string[];
  diff: DiffLine[];
  /** The S3 call that makes the change. */
  command: () =>
    | PutBucketPolicyCommand
    | PutPublicAccessBlockCommand
    | PutBucketCorsCommand
    | PutBucketLifecycleConfigurationCommand
    | PutBucketVersioningCommand
    | PutBucketOwnershipControlsCommand
    | PutBucketEncryptionCommand;
}

function change(
  id: HardenChange['id'],
  title: string,
  before: unknown,
  after: unknown,
  command: HardenChange['command'],
  notes: string[] = [],
  same?: boolean,
): HardenChange {
  const [a, b] = [canonicalJson(before), canonicalJson(after)];
  return { id, title, changed: !(same ?? a === b), notes, diff: lineDiff(a, b), command };
}

/**
 * What harden would change, setting by setting, as a diff from the bucket's current state. Applying
 * it twice changes nothing the second time. The policy is applied before Block Public Access, so that
 * a policy that BlockPublicPolicy would refuse is reported rather than half-applied.
 */
export function planHarden(state: BucketState, config: SecurityConfig): HardenChange[] {
  const Bucket = state.bucket;
  const merge = mergePolicy(state.policy, bucketPolicyStatements(config));
  const policy = assertValidPolicy(merge.policy, 'The merged bucket policy');
  const policyNotes = [
    ...(merge.kept.length
      ? [
          `keeps ${merge.kept.length} existing statement(s) that are not Guestpass's: ${merge.kept.map((s) => s.Sid ?? '(no Sid)').join(', ')}`,
        ]
      : []),
    ...(merge.added.length ? [`adds ${merge.added.join(', ')}`] : []),
    ...(merge.updated.length ? [`updates ${merge.updated.join(', ')}`] : []),
    ...(merge.removed.length ? [`removes ${merge.removed.join(', ')} (no longer in the configuration)`] : []),
    ...(config.requireTls ? [] : [`does not deny plain-http requests: ${config.tlsReason}`]),
    ...(config.vpcEndpointId
      ? [
          `WARNING: denies every request that does not come through ${config.vpcEndpointId}, including the AWS console and your own machine`,
        ]
      : []),
  ];
  const samePolicy =
    state.policy !== null &&
    state.policy.Statement.length === policy.Statement.length &&
    state.policy.Statement.every((s, i) => canonicalStatement(s) === canonicalStatement(policy.Statement[i]));

  const pabTarget: PublicAccessBlockConfiguration = {
    BlockPublicAcls: state.limits.blockPublicAclsBreaksUploads
      ? (state.publicAccessBlock?.BlockPublicAcls ?? false)
      : true,
    IgnorePublicAcls: true,
    BlockPublicPolicy: true,
    RestrictPublicBuckets: true,
  };
  const pabNotes = state.limits.blockPublicAclsBreaksUploads
    ? [`leaves BlockPublicAcls as it is: ${NOT_SUPPORTED} (it would refuse every upload)`]
    : [];
  const pabBefore = {
    BlockPublicAcls: false,
    IgnorePublicAcls: false,
    BlockPublicPolicy: false,
    RestrictPublicBuckets: false,
    ...state.publicAccessBlock,
  };

  const cors = corsRules(config.origins);
  const rules = mergeLifecycleRules(state.lifecycle, config.noncurrentVersionDays);
  const byId = (list: typeof rules) =>
    [...list].map(canonicalRule).sort((x, y) => String(x.ID).localeCompare(String(y.ID)));
  const kept = state.lifecycle.filter((r) => !r.ID?.startsWith(MANAGED_RULE_PREFIX)).length;

  const unsupported = (supported: boolean) => (supported ? undefined : NOT_SUPPORTED);
  return [
    {
      ...change(
        'policy',
        'Bucket policy (merged)',
        state.policy,
        policy,
        () => new PutBucketPolicyCommand({ Bucket, Policy: JSON.stringify(policy) }),
        policyNotes,
        samePolicy,
      ),
    },
    change(
      'publicAccessBlock',
      'Block Public Access (bucket)',
      pabBefore,
      pabTarget,
      () => new PutPublicAccessBlockCommand({ Bucket, PublicAccessBlockConfiguration: pabTarget }),
      pabNotes,
    ),
    change(
      'cors',
      'CORS',
      state.cors,
      cors,
      () => new PutBucketCorsCommand({ Bucket, CORSConfiguration: { CORSRules: cors } }),
    ),
    change(
      'lifecycle',
      'Lifecycle rules',
      byId(state.lifecycle),
      byId(rules),
      () => new PutBucketLifecycleConfigurationCommand({ Bucket, LifecycleConfiguration: { Rules: rules } }),
      kept ? [`keeps ${kept} rule(s) that are not Guestpass's`] : [],
    ),
    change(
      'versioning',
      'Versioning',
      { Status: state.versioning },
      { Status: 'Enabled' },
      () => new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }),
    ),
    {
      ...change(
        'ownership',
        'Object ownership (ACLs disabled)',
        { ObjectOwnership: state.ownership },
        { ObjectOwnership: 'BucketOwnerEnforced' },
        () =>
          new PutBucketOwnershipControlsCommand({
            Bucket,
            OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
          }),
      ),
      unsupported: unsupported(state.limits.ownershipControls),
    },
    {
      ...change(
        'encryption',
        'Default encryption',
        { SSEAlgorithm: state.encryption },
        { SSEAlgorithm: state.encryption?.startsWith('aws:kms') ? state.encryption : 'AES256' },
        () =>
          new PutBucketEncryptionCommand({
            Bucket,
            ServerSideEncryptionConfiguration: {
              Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
            },
          }),
      ),
      unsupported: unsupported(state.limits.defaultEncryption),
    },
  ];
}

export interface HardenResult {
  id: HardenChange['id'];
  title: string;
  outcome: 'unchanged' | 'applied' | 'not supported by this store' | 'failed';
  detail?: string;
}

/** Applies the changes of a plan, one S3 call each; a store that lacks a call is reported, not fatal. */
export async function applyHarden(
  client: S3Client,
  plan: HardenChange[],
  kind: BucketState['kind'],
): Promise<HardenResult[]> {
  const results: HardenResult[] = [];
  for (const item of plan) {
    const base = { id: item.id, title: item.title };
    if (item.unsupported) results.push({ ...base, outcome: NOT_SUPPORTED });
    else if (!item.changed) results.push({ ...base, outcome: 'unchanged' });
    else {
      try {
        // Each command is one of the Put* commands above; the union is too wide for send()'s overloads.
        await client.send(item.command() as PutBucketPolicyCommand);
        results.push({ ...base, outcome: 'applied' });
      } catch (error) {
        results.push({
          ...base,
          outcome: isUnsupported(error, kind) ? NOT_SUPPORTED : 'failed',
          detail: describeError(error),
        });
      }
    }
  }
  return results;
}

/** A plan as text: a unified-style diff per changed setting, for the CLI and the admin page. */
export function formatPlan(plan: HardenChange[]): string {
  const out: string[] = [];
  for (const item of plan) {
    const state = item.unsupported
      ? `skipped: ${item.unsupported}`
      : item.changed
        ? 'will change'
        : 'already as recommended';
    out.push(`== ${item.title}: ${state}`);
    for (const note of item.notes) out.push(`   note: ${note}`);
    if (item.changed && !item.unsupported) for (const line of item.diff) out.push(`${line.op} ${line.text}`);
  }
  return out.join('\n');
}
